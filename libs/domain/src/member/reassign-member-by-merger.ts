import { RuleViolation } from '../shared/rule-violation';
import { MemberReassigned } from './member.events';
import {
  CellFacts,
  MemberContext,
  describeStatus,
  requireDateUpTo,
  requireExisting,
  requireRegistrableCell,
} from './member.rules';
import { Member } from './member.state';

/**
 * Appended by the merger handler for each member (and candidate) of a cell merged into another: the
 * registration moves with the cell, without a transfer, so DIS-12's bar on transfers does not apply.
 */
export interface ReassignMemberByMerger {
  readonly memberId: string;
  readonly toCellId: string;
  /** The organization whose merger moved the member (the cell itself, or a unit above it). */
  readonly mergerOf: string;
  readonly decisionRef?: string;
  readonly effectiveDate: string;
}

export interface ReassignMemberByMergerContext extends MemberContext {
  readonly toCell: CellFacts;
}

/** The registered cell changes; the target must be an active cell or base cell (MEMBER-CELL). */
export const reassignMemberByMerger = (
  command: ReassignMemberByMerger,
  state: Member,
  context: ReassignMemberByMergerContext,
): MemberReassigned[] => {
  const member = requireExisting(state, command.memberId);
  if (member.status === 'left')
    throw new RuleViolation(
      'MEMBER-STATE',
      `Only a current member or candidate moves with a cell; this one is ${describeStatus(member)}`,
    );
  const { memberId, toCellId, mergerOf, decisionRef, effectiveDate } = command;
  requireDateUpTo(effectiveDate, context.today, 'effectiveDate');
  requireRegistrableCell(context.toCell, toCellId);
  // Already there (the merger handler ran before): nothing to append, and nothing to refuse, since one
  // refusal would abort the whole multi-stream append of the merger.
  if (toCellId === member.cellId) return [];
  const data = {
    memberId,
    fromCellId: member.cellId,
    toCellId,
    mergerOf,
    ...(decisionRef ? { decisionRef } : {}),
  };
  return [{ type: 'MemberReassigned', data, effectiveDate }];
};
