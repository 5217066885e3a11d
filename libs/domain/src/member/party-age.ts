import { addDays, fullMonthsBetween, maxDate, minDate } from '../shared/dates';
import { Member, Membership } from './member.state';

/** Tuổi đảng in full years and the months beyond them. */
export interface PartyAge {
  readonly years: number;
  readonly months: number;
  readonly totalMonths: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const daysBetween = (from: string, to: string): number => (Date.parse(to) - Date.parse(from)) / DAY_MS;

/** Each membership runs from its admission decision (ADM-12) to the day the member left, if they did. */
const periodsOf = (state: Membership & { departure?: { on: string } }) => [
  ...state.previousMemberships.map((m) => ({
    from: m.decisionDate,
    to: m.departure.on as string | undefined,
  })),
  { from: state.admission.decisionDate, to: state.departure?.on },
];

/** Days in [from, to) that fall before `onDate`. */
const daysUpTo = (from: string, to: string | undefined, onDate: string): number =>
  Math.max(0, daysBetween(from, minDate(to ?? onDate, onDate)));

/**
 * AGE-1, AGE-3: party age runs from the first admission decision, less the time out of the party
 * (between leaving and readmission, and after leaving for good) and the interruptions counted as
 * gaps (late transfer arrivals). The gaps shift the start date forward, so an unbroken membership
 * reaches its anniversaries on the calendar day. AGE-4: an annulled expulsion leaves no gap, because
 * the membership is restored rather than ended. Undefined for someone never admitted.
 */
export const partyAge = (state: Member, onDate: string): PartyAge | undefined => {
  if (state.status === 'none' || state.status === 'candidate') return undefined;
  const periods = periodsOf(state);
  const start = periods[0].from;
  if (onDate <= start) return { years: 0, months: 0, totalMonths: 0 };
  const inParty = periods.reduce((days, p) => days + daysUpTo(p.from, p.to, onDate), 0);
  const interrupted = state.partyAgeGaps.reduce(
    (days, g) => days + Math.max(0, daysBetween(maxDate(g.from, start), minDate(g.to, onDate))),
    0,
  );
  const outside = daysBetween(start, onDate) - inParty + interrupted;
  const totalMonths = Math.max(0, fullMonthsBetween(addDays(start, outside), onDate));
  return { years: Math.floor(totalMonths / 12), months: totalMonths % 12, totalMonths };
};

/** AGE-5: the badge levels, in years of party age. */
export const BADGE_LEVELS = [30, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90] as const;

export interface BadgeOptions {
  /** AGE-5: seriously ill members get 30–65 year badges up to 12 months early, 70–90 up to 24. */
  readonly seriouslyIll?: boolean;
}

/** How many months before the level a badge may be awarded. */
export const monthsEarly = (level: number, options: BadgeOptions = {}): number =>
  options.seriouslyIll ? (level >= 70 ? 24 : 12) : 0;

/** Levels reached on `onDate` (party age is frozen at death, so posthumous awards work) and not yet awarded. */
export const badgesDue = (state: Member, onDate: string, options: BadgeOptions = {}): number[] => {
  const age = partyAge(state, onDate);
  if (!age || state.status === 'none' || state.status === 'candidate') return [];
  const awarded = state.badges;
  return BADGE_LEVELS.filter((level) => age.totalMonths >= level * 12 - monthsEarly(level, options)).filter(
    (level) => !awarded.includes(level),
  );
};

/** The highest badge due on `onDate`, if any (AGE-5). */
export const badgeDue = (state: Member, onDate: string, options: BadgeOptions = {}): number | undefined =>
  badgesDue(state, onDate, options).at(-1);
