import { addDays, addMonths, addWorkingDays } from '../shared/dates';
import { ActiveMember, Member } from './member.state';
import { badgesDue } from './party-age';

/*
 * An organization's worklist: what its committees owe a decision on, read from each member's state
 * as of a date (folded over the events effective by then). Which members to look at is the caller's
 * question; these functions only judge one state. Working-day deadlines take the holidays (DES-2).
 */

/** PRB-1/PRB-3: 12 months from the ceremony have passed and no recognition (or removal) is recorded. */
export interface ProbationOverdue {
  readonly memberId: string;
  readonly fullName: string;
  readonly cellId: string;
  readonly ceremonyDate: string;
  /** PRB-1: ceremony + 12 months; PRB-4: official from this day once recognised. */
  readonly probationEnded: string;
  /** PRB-3: the cell votes within 30 working days after probation ends. */
  readonly cellVoteDueBy: string;
}

/** TRF-4: an official transfer whose certificate was not presented within 30 working days. */
export interface TransferOverdue {
  readonly memberId: string;
  readonly fullName: string;
  readonly transferId: string;
  readonly fromCellId: string;
  readonly toCellId: string;
  readonly startedOn: string;
  readonly dueBy: string;
}

/** AGE-5: a badge level not yet awarded, reached on `dueOn` (possibly already past). */
export interface BadgeComingDue {
  readonly memberId: string;
  readonly fullName: string;
  readonly cellId: string;
  readonly level: number;
  readonly dueOn: string;
}

const isActive = (state: Member): state is ActiveMember =>
  state.status === 'probationary' || state.status === 'official';

export const probationOverdue = (
  state: Member,
  asOf: string,
  holidays?: ReadonlySet<string>,
): ProbationOverdue | undefined => {
  if (state.status !== 'probationary') return undefined;
  const { memberId, fullName, cellId } = state;
  const { ceremonyDate } = state.admission;
  const probationEnded = addMonths(ceremonyDate, 12);
  if (probationEnded > asOf) return undefined;
  const cellVoteDueBy = addWorkingDays(probationEnded, 30, holidays);
  return { memberId, fullName, cellId, ceremonyDate, probationEnded, cellVoteDueBy };
};

/** Overdue from the day after `dueBy`, the day an arrival would be recorded as late (completeTransfer). */
export const transferOverdue = (
  state: Member,
  asOf: string,
  holidays?: ReadonlySet<string>,
): TransferOverdue | undefined => {
  if (!isActive(state) || state.transfer?.kind !== 'official') return undefined;
  const { transferId, fromCellId, toCellId, startedOn } = state.transfer;
  const dueBy = addWorkingDays(startedOn, 30, holidays);
  if (asOf <= dueBy) return undefined;
  return {
    memberId: state.memberId,
    fullName: state.fullName,
    transferId,
    fromCellId,
    toCellId,
    startedOn,
    dueBy,
  };
};

/**
 * The levels reached by `asOf + horizonMonths` and not yet awarded, each with the day party age
 * reaches it. Living members only; the seriously-ill early award (AGE-5) is a choice of the
 * committee, not a due date, so it is not anticipated here.
 */
export const badgeComingDue = (state: Member, asOf: string, horizonMonths: number): BadgeComingDue[] => {
  if (!isActive(state)) return [];
  const until = addMonths(asOf, horizonMonths);
  const { memberId, fullName, cellId } = state;
  return badgesDue(state, until).map((level) => ({
    memberId,
    fullName,
    cellId,
    level,
    dueOn: firstDayDue(state, level, until),
  }));
};

const DAY_MS = 24 * 60 * 60 * 1000;
const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);

/**
 * The first day `level` is due, knowing it is due on `until`. Party age does not go back while
 * time passes, so bisect over the days since the first admission decision (party age 0 then).
 */
const firstDayDue = (state: ActiveMember, level: number, until: string): string => {
  const start = state.previousMemberships[0]?.decisionDate ?? state.admission.decisionDate;
  let notDue = 0;
  let due = daysBetween(start, until);
  while (due - notDue > 1) {
    const mid = Math.floor((notDue + due) / 2);
    if (badgesDue(state, addDays(start, mid)).includes(level)) due = mid;
    else notDue = mid;
  }
  return addDays(start, due);
};

export interface Worklist {
  readonly probationOverdue: ProbationOverdue[];
  readonly transfersOverdue: TransferOverdue[];
  readonly badgesComingDue: BadgeComingDue[];
}

export interface WorklistOptions {
  readonly badgeHorizonMonths: number;
  readonly holidays?: ReadonlySet<string>;
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const byDateThenMember =
  <T extends { memberId: string }>(date: (item: T) => string) =>
  (a: T, b: T): number =>
    compare(date(a), date(b)) || compare(a.memberId, b.memberId);

const defined = <T>(value: T | undefined): value is T => value !== undefined;

/** The three lists over the members' states as of `asOf`, each ordered by its date, then memberId. */
export const worklistOf = (states: readonly Member[], asOf: string, options: WorklistOptions): Worklist => ({
  probationOverdue: states
    .map((s) => probationOverdue(s, asOf, options.holidays))
    .filter(defined)
    .sort(byDateThenMember((p) => p.probationEnded)),
  transfersOverdue: states
    .map((s) => transferOverdue(s, asOf, options.holidays))
    .filter(defined)
    .sort(byDateThenMember((t) => t.dueBy)),
  badgesComingDue: states
    .flatMap((s) => badgeComingDue(s, asOf, options.badgeHorizonMonths))
    .sort((a, b) => byDateThenMember<BadgeComingDue>((x) => x.dueOn)(a, b) || a.level - b.level),
});
