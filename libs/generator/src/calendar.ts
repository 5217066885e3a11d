import { addDays } from '@ledger/domain';
import { Random } from './random';

/** Date arithmetic the generator needs beyond the domain's (dates are ISO strings, as everywhere). */

const DAY_MS = 86_400_000;

export const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);

export const later = (a: string, b: string): string => (a >= b ? a : b);
export const earlier = (a: string, b: string): string => (a <= b ? a : b);

/** A day drawn uniformly from `from` to `to`, both included (`from` when the range is empty). */
export const dayBetween = (random: Random, from: string, to: string): string =>
  addDays(from, random.int(0, Math.max(0, daysBetween(from, to))));

export const monthStart = (year: number, month: number): string =>
  `${year}-${String(month).padStart(2, '0')}-01`;

export const monthEnd = (year: number, month: number): string =>
  addDays(month === 12 ? monthStart(year + 1, 1) : monthStart(year, month + 1), -1);

/** Every [year, month] from the month of `from` to the month of `to`. */
export const monthsOf = (from: string, to: string): [number, number][] => {
  const months: [number, number][] = [];
  let year = Number(from.slice(0, 4));
  let month = Number(from.slice(5, 7));
  const last = Number(to.slice(0, 4)) * 12 + Number(to.slice(5, 7));
  while (year * 12 + month <= last) {
    months.push([year, month]);
    month = month === 12 ? 1 : month + 1;
    if (month === 1) year += 1;
  }
  return months;
};

/**
 * How long after taking effect a decision reaches the ledger: mostly within days, often weeks, sometimes
 * months (the papers travel from the cell to the committee's office before anyone records them).
 */
export const recordingLag = (random: Random): number => {
  const roll = random.next();
  if (roll < 0.5) return random.int(0, 7);
  if (roll < 0.85) return random.int(8, 45);
  return random.int(46, 150);
};
