import { addMonths } from '../shared/dates';
import { RuleViolation } from '../shared/rule-violation';
import { MemberTransferStarted, TransferKind } from './member.events';
import {
  CellFacts,
  MemberContext,
  requireActive,
  requireDate,
  requireDateUpTo,
  requireNoDisciplineInForce,
  requireNotBefore,
  requireRegistrableCell,
} from './member.rules';
import { Member } from './member.state';

/**
 * TRF-1: official (registered at the receiving cell on arrival; a move between cells of one base
 * organization is recorded as official too) or temporary (TRF-5, back home afterwards).
 */
export interface StartTransfer {
  readonly memberId: string;
  readonly transferId: string;
  readonly kind: TransferKind;
  readonly toCellId: string;
  readonly effectiveDate: string;
  /** TRF-5: the planned return of a temporary transfer. */
  readonly expectedReturnOn?: string;
  /** TRF-5: full-time study may last up to 2 years instead of under 1. */
  readonly forStudy?: boolean;
}

export interface StartTransferContext extends MemberContext {
  readonly toCell: CellFacts;
}

/** TRF-5: 3 months to under 1 year, or to 2 years for study; checked only when a return date is given. */
const checkDuration = (command: StartTransfer): void => {
  const { expectedReturnOn, effectiveDate, forStudy } = command;
  if (expectedReturnOn === undefined) return;
  requireDate(expectedReturnOn, 'expectedReturnOn');
  if (command.kind !== 'temporary')
    throw new RuleViolation('TRF-5', 'Only a temporary transfer has a planned return');
  const longest = forStudy ? addMonths(effectiveDate, 24) : addMonths(effectiveDate, 12);
  if (
    expectedReturnOn < addMonths(effectiveDate, 3) ||
    expectedReturnOn > longest ||
    (!forStudy && expectedReturnOn === longest)
  )
    throw new RuleViolation(
      'TRF-5',
      `A temporary transfer lasts 3 months to ${forStudy ? '2 years' : 'under a year'}`,
    );
};

export const startTransfer = (
  command: StartTransfer,
  state: Member,
  context: StartTransferContext,
): MemberTransferStarted[] => {
  const member = requireActive(state, command.memberId, 'transferred');
  if (command.kind !== 'official' && command.kind !== 'temporary')
    throw new RuleViolation('TRF-1', `A transfer is official or temporary, not ${String(command.kind)}`);
  if (member.transfer)
    throw new RuleViolation(
      'MEMBER-STATE',
      `Transfer ${member.transfer.transferId} to ${member.transfer.toCellId} is in progress`,
    );
  requireDateUpTo(command.effectiveDate, context.today, 'effectiveDate');
  requireNotBefore(
    command.effectiveDate,
    member.admission.ceremonyDate,
    'effectiveDate',
    'the admission ceremony',
  );
  requireRegistrableCell(context.toCell, command.toCellId);
  if (command.toCellId === member.cellId)
    throw new RuleViolation('MEMBER-CELL', `The member is already registered in ${member.cellId}`);
  checkDuration(command);
  requireNoDisciplineInForce(member, command.effectiveDate, 'transfer');
  const { memberId, transferId, kind, toCellId, expectedReturnOn, effectiveDate } = command;
  const data = {
    memberId,
    transferId,
    kind,
    fromCellId: member.cellId,
    toCellId,
    ...(expectedReturnOn ? { expectedReturnOn } : {}),
  };
  return [{ type: 'MemberTransferStarted', data, effectiveDate }];
};
