import { addDays, addWorkingDays } from '../shared/dates';
import { RuleViolation } from '../shared/rule-violation';
import { MemberTransferCompleted } from './member.events';
import {
  CellFacts,
  MemberContext,
  requireActive,
  requireDateUpTo,
  requireNotBefore,
  requireRegistrableCell,
} from './member.rules';
import { Member } from './member.state';

/** Arrival: the certificate presented to the receiving cell committee. */
export interface CompleteTransfer {
  readonly memberId: string;
  readonly transferId: string;
  readonly effectiveDate: string;
  /**
   * The cell actually arrived at, when not the one the transfer named (it merged meanwhile, and the
   * merger could not reassign a member counted nowhere). Defaults to the transfer's target.
   */
  readonly toCellId?: string;
  readonly lateReason?: string;
  /** TRF-4: the competent committee counts the lateness as an interruption of party age (AGE-1). */
  readonly latenessInterruptsPartyAge?: boolean;
}

export interface CompleteTransferContext extends MemberContext {
  /** Facts of the cell arrived at (command.toCellId or the transfer's target). */
  readonly toCell: CellFacts;
  readonly holidays?: ReadonlySet<string>;
}

/**
 * TRF-4: the certificate is due within 30 working days; a late arrival is recorded, never refused,
 * because the competent committee decides what lateness means (and only prolonged abandonment, REM-1a,
 * ends a membership).
 */
export const completeTransfer = (
  command: CompleteTransfer,
  state: Member,
  context: CompleteTransferContext,
): MemberTransferCompleted[] => {
  const member = requireActive(state, command.memberId, 'received by a cell');
  const transfer = member.transfer;
  if (!transfer || transfer.transferId !== command.transferId)
    throw new RuleViolation('MEMBER-STATE', `No transfer ${command.transferId} is in progress`);
  if (transfer.arrivedOn)
    throw new RuleViolation(
      'MEMBER-STATE',
      `Already arrived at ${transfer.toCellId} on ${transfer.arrivedOn}`,
    );
  const { memberId, transferId, effectiveDate, lateReason } = command;
  requireDateUpTo(effectiveDate, context.today, 'effectiveDate');
  requireNotBefore(effectiveDate, transfer.startedOn, 'effectiveDate', 'the departure');
  const toCellId = command.toCellId ?? transfer.toCellId;
  requireRegistrableCell(context.toCell, toCellId);
  const dueBy = addWorkingDays(transfer.startedOn, 30, context.holidays);
  const late = effectiveDate > dueBy;
  const gap =
    late && command.latenessInterruptsPartyAge
      ? { partyAgeGap: { from: addDays(dueBy, 1), to: effectiveDate } }
      : {};
  const data = {
    memberId,
    transferId,
    kind: transfer.kind,
    fromCellId: transfer.fromCellId,
    toCellId,
    dueBy,
    late,
    ...(late && lateReason ? { lateReason } : {}),
    ...gap,
  };
  return [{ type: 'MemberTransferCompleted', data, effectiveDate }];
};
