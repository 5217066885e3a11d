import { addMonths, isIsoDate } from '../shared/dates';
import { EntityNotFound, RuleViolation } from '../shared/rule-violation';
import { ActiveMember, DisciplineRecord, Member, Membership } from './member.state';

/** Every member decision gets today's date from outside: the domain has no clock. */
export interface MemberContext {
  readonly today: string;
}

/**
 * What a decision needs to know about a cell, looked up by the handler in the organization stream.
 * `active`: established and neither merged nor dissolved on the command's effective date.
 */
export interface CellFacts {
  readonly id: string;
  readonly kind: string;
  readonly active: boolean;
  /** The base organization (base_cell or base_committee) the cell belongs to; itself for a base cell. */
  readonly baseOrganizationId: string;
}

export const requireDate = (value: string, field: string): void => {
  if (!isIsoDate(value)) throw new RuleViolation('MEMBER-DATE', `${field} ${value} is not a calendar date`);
};

/** A decision is recorded once it has been taken: nothing dated after today. */
export const requireDateUpTo = (value: string, today: string, field: string): void => {
  requireDate(value, field);
  if (value > today) throw new RuleViolation('MEMBER-DATE', `${field} ${value} is after today (${today})`);
};

export const requireNotBefore = (value: string, floor: string, field: string, what: string): void => {
  if (value < floor) throw new RuleViolation('MEMBER-DATE', `${field} ${value} is before ${what} (${floor})`);
};

export const requireExisting = <S extends Member>(
  state: S,
  memberId: string,
): Exclude<S, { status: 'none' }> => {
  if (state.status === 'none') throw new EntityNotFound('Member', memberId);
  return state as Exclude<S, { status: 'none' }>;
};

/** A probationary or official member: the two statuses that count (DESIGN "organization tree"). */
export const requireActive = (state: Member, memberId: string, action: string): ActiveMember => {
  const existing = requireExisting(state, memberId);
  if (existing.status !== 'probationary' && existing.status !== 'official')
    throw new RuleViolation(
      'MEMBER-STATE',
      `Only a probationary or official member can be ${action}; this one is ${describeStatus(existing)}`,
    );
  return existing;
};

export const describeStatus = (state: Member): string =>
  state.status === 'left'
    ? `no longer a member (${state.departure.how} on ${state.departure.on})`
    : `a ${state.status}`;

/** Members are registered only in an active cell or base cell (DESIGN "Event catalog"). */
export const requireRegistrableCell = (cell: CellFacts, cellId: string): void => {
  if (cell.id !== cellId)
    throw new RuleViolation('MEMBER-CELL', `Facts given for ${cell.id}, not for ${cellId}`);
  if (cell.kind !== 'cell' && cell.kind !== 'base_cell')
    throw new RuleViolation(
      'MEMBER-CELL',
      `${cellId} is a ${cell.kind}; members are registered only in cells`,
    );
  if (!cell.active) throw new RuleViolation('MEMBER-CELL', `${cellId} is not an active cell on that date`);
};

/**
 * DIS-11: a discipline lapses 12 months after its announcement (or the ruling that amended it);
 * expulsion never does. The lapse also needs "no complaint, no relapse, no new breach": the ledger
 * learns of those as new cases or amendments, so time alone decides here. QĐ69 introduced the lapse
 * in 2022; applying it to older decisions too is the reading that refuses least.
 */
export const inForceOn = (discipline: DisciplineRecord, date: string): boolean =>
  discipline.form !== null &&
  discipline.inForceFrom <= date &&
  (discipline.form === 'expulsion' || date < addMonths(discipline.inForceFrom, 12));

export const disciplinesInForce = (state: Membership, date: string): DisciplineRecord[] =>
  state.disciplines.filter((d) => inForceOn(d, date));

/** DIS-12: no transfer, titles or awards while a discipline is in force. */
export const requireNoDisciplineInForce = (state: Membership, date: string, action: string): void => {
  const [first] = disciplinesInForce(state, date);
  if (first)
    throw new RuleViolation(
      'DIS-12',
      `A ${first.form} (case ${first.caseId}, from ${first.inForceFrom}) is in force on ${date}: no ${action}`,
    );
};

/** An exemption runs from its start to its last day, or until ended by the cell (EXM-2). */
export const isExemptedOn = (state: Membership, date: string): boolean =>
  !!state.exemption &&
  state.exemption.since <= date &&
  (!state.exemption.until || date <= state.exemption.until);

/**
 * The cell whose count the member is in: none while in transit on an official transfer (TRF-7 [M]);
 * the home cell during a temporary one (TRF-6).
 */
export const countedInCell = (state: Member): string | null => {
  if (state.status !== 'probationary' && state.status !== 'official') return null;
  return state.transfer?.kind === 'official' ? null : state.cellId;
};
