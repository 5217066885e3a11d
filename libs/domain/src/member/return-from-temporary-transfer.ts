import { RuleViolation } from '../shared/rule-violation';
import { MemberReturnedFromTemporaryTransfer } from './member.events';
import { MemberContext, requireActive, requireDateUpTo, requireNotBefore } from './member.rules';
import { Member } from './member.state';

/**
 * The end of a temporary transfer (TRF-5), with or without an arrival recorded at the temporary cell.
 * Its own event rather than a second arrival: the member never left the home count (TRF-6), so a
 * "transfer in" would count them twice in flows.
 */
export interface ReturnFromTemporaryTransfer {
  readonly memberId: string;
  readonly transferId: string;
  readonly effectiveDate: string;
}

export const returnFromTemporaryTransfer = (
  command: ReturnFromTemporaryTransfer,
  state: Member,
  context: MemberContext,
): MemberReturnedFromTemporaryTransfer[] => {
  const member = requireActive(state, command.memberId, 'back from a temporary transfer');
  const transfer = member.transfer;
  if (!transfer || transfer.transferId !== command.transferId || transfer.kind !== 'temporary')
    throw new RuleViolation('MEMBER-STATE', `No temporary transfer ${command.transferId} is in progress`);
  const { memberId, transferId, effectiveDate } = command;
  requireDateUpTo(effectiveDate, context.today, 'effectiveDate');
  requireNotBefore(effectiveDate, transfer.arrivedOn ?? transfer.startedOn, 'effectiveDate', 'the transfer');
  const data = { memberId, transferId, fromCellId: transfer.toCellId, toCellId: member.cellId };
  return [{ type: 'MemberReturnedFromTemporaryTransfer', data, effectiveDate }];
};
