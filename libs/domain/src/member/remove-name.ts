import { RuleViolation } from '../shared/rule-violation';
import { failProbation } from './fail-probation';
import { MemberNameRemoved, NAME_REMOVAL_REASONS, NameRemovalReason } from './member.events';
import { MemberContext, requireActive, requireDateUpTo, requireNotBefore } from './member.rules';
import { Member } from './member.state';
import { regulationOn } from './regulation';

/** Xóa tên: proposed by the cell, decided by the competent committee (REM-1). Not a discipline. */
export interface RemoveName {
  readonly memberId: string;
  readonly reason: NameRemovalReason;
  readonly decisionRef?: string;
  readonly effectiveDate: string;
}

/**
 * REM-1 grounds (a)–(e), for probationers and official members alike (REM-3 names both); a failed
 * probation goes through PRB-3. Ground (d) is not checked against the ratings: ASM-6 equating it with
 * two "not completed" years is local practice [M], and refusing on it would refuse a committee's finding.
 */
export const removeName = (
  command: RemoveName,
  state: Member,
  context: MemberContext,
): MemberNameRemoved[] => {
  if (command.reason === 'probation_failed') return failProbation(command, state, context);
  const member = requireActive(state, command.memberId, 'removed');
  const { memberId, reason, decisionRef, effectiveDate } = command;
  if (!NAME_REMOVAL_REASONS.includes(reason))
    throw new RuleViolation('REM-1', `${String(reason)} is not a ground for removal`);
  requireDateUpTo(effectiveDate, context.today, 'effectiveDate');
  requireNotBefore(effectiveDate, member.admission.ceremonyDate, 'effectiveDate', 'the admission ceremony');
  const data = {
    memberId,
    reason,
    ...(decisionRef ? { decisionRef } : {}),
    regulation: regulationOn(effectiveDate),
  };
  return [{ type: 'MemberNameRemoved', data, effectiveDate }];
};
