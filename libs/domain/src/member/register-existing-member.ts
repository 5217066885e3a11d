import { addMonths } from '../shared/dates';
import { RuleViolation } from '../shared/rule-violation';
import { MemberRegisteredFromRecords } from './member.events';
import {
  CellFacts,
  MemberContext,
  requireDate,
  requireDateUpTo,
  requireNotBefore,
  requireRegistrableCell,
} from './member.rules';
import { Member } from './member.state';

/**
 * A member admitted before the ledger began, from paper records: no introducers, no ceremony on file.
 * `effectiveDate`: from when the records place the member in `cellId`.
 */
export interface RegisterExistingMember {
  readonly memberId: string;
  readonly fullName: string;
  readonly birthDate: string;
  readonly cellId: string;
  /** The admission date on the card (AGE-2); party age and probation both run from it. */
  readonly admittedOn: string;
  readonly officialOn?: string;
  readonly effectiveDate: string;
}

export interface RegisterExistingMemberContext extends MemberContext {
  readonly cell: CellFacts;
}

export const registerExistingMember = (
  command: RegisterExistingMember,
  state: Member,
  context: RegisterExistingMemberContext,
): MemberRegisteredFromRecords[] => {
  if (state.status !== 'none')
    throw new RuleViolation('MEMBER-EXISTS', `Member ${command.memberId} is already on the ledger`);
  const { memberId, fullName, birthDate, cellId, admittedOn, officialOn, effectiveDate } = command;
  requireDateUpTo(effectiveDate, context.today, 'effectiveDate');
  requireDate(birthDate, 'birthDate');
  requireDate(admittedOn, 'admittedOn');
  requireNotBefore(admittedOn, birthDate, 'admittedOn', 'birth');
  requireNotBefore(effectiveDate, admittedOn, 'effectiveDate', 'admission');
  if (officialOn !== undefined) {
    requireDate(officialOn, 'officialOn');
    if (officialOn < addMonths(admittedOn, 12))
      throw new RuleViolation('PRB-1', `Official on ${officialOn}, before the 12 months of probation ended`);
    // A registration claiming a status its own date had not reached would mislead point-in-time
    // queries; such a member is registered as probationary and recognised afterwards (PRB-4).
    if (officialOn > effectiveDate)
      throw new RuleViolation('MEMBER-DATE', `Official on ${officialOn}, after the registration's date`);
  }
  requireRegistrableCell(context.cell, cellId);
  const data = { memberId, fullName, birthDate, cellId, admittedOn, ...(officialOn ? { officialOn } : {}) };
  return [{ type: 'MemberRegisteredFromRecords', data, effectiveDate }];
};
