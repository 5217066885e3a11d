import {
  MemberRating,
  OrganizationRating,
  assessMember,
  fullMonthsBetween,
  isExemptedOn,
  ratingFor,
} from '@ledger/domain';
import { later } from '../calendar';
import { Random } from '../random';
import { MemberRecord, World } from '../world';
import { assess } from './organizations';

/**
 * The yearly review of one base organization (ASM): its members and its cells rated for `year`, with the
 * ASM-3 quota kept — excellent at most 20% of those rated good or better — for the members and for the
 * cells. Members not to be rated are left out (ASM-4: exempted at the year's end, admitted less than six
 * months before it); a member disciplined in the year is rated not completed (DIS-13).
 */

export type Tally = Record<MemberRating, number>;

/** Shares of a typical year: most members "good", about one in seven "excellent". */
const SHARES: [MemberRating, number][] = [
  ['excellent', 0.14],
  ['good', 0.765],
  ['completed', 0.08],
  ['not_completed', 0.015],
];

const draw = (random: Random): MemberRating => {
  let roll = random.next();
  for (const [rating, share] of SHARES) {
    if (roll < share) return rating;
    roll -= share;
  }
  return 'good';
};

/** Ratings for `n` subjects: drawn, then excellent cut back to the quota (with a margin of one in large groups). */
export function ratingsFor(random: Random, n: number, fixed?: Tally): MemberRating[] {
  if (fixed) {
    const list: MemberRating[] = [];
    for (const [rating, count] of Object.entries(fixed) as [MemberRating, number][])
      for (let i = 0; i < count; i++) list.push(rating);
    if (list.length !== n) throw new Error(`Fixed ratings for ${list.length}, but ${n} are to be rated`);
    return random.shuffle(list);
  }
  const list = Array.from({ length: n }, () => draw(random));
  const excellent = list.filter((r) => r === 'excellent').length;
  const goodOrBetter = excellent + list.filter((r) => r === 'good').length;
  const limit = Math.max(0, Math.floor(goodOrBetter / 5) - (goodOrBetter >= 20 ? 1 : 0));
  let surplus = excellent - limit;
  for (let i = 0; i < list.length && surplus > 0; i++)
    if (list[i] === 'excellent') {
      list[i] = 'good';
      surplus -= 1;
    }
  return list;
}

/** Whether the member is rated for `year` at all (ASM-4, EXM-3). */
export const isRatable = (record: MemberRecord, year: number): boolean => {
  const state = record.state;
  if (state.status !== 'probationary' && state.status !== 'official') return false;
  const yearEnd = `${year}-12-31`;
  if (ratingFor(state.ratings, year) !== undefined || isExemptedOn(state, yearEnd)) return false;
  return fullMonthsBetween(state.admission.decisionDate, yearEnd) >= 6;
};

const disciplinedIn = (record: MemberRecord, year: number): boolean =>
  record.state.status !== 'none' &&
  record.state.status !== 'candidate' &&
  record.state.disciplines.some((d) => d.form !== null && d.decidedOn.startsWith(`${year}-`));

export interface YearReview {
  /** The members rated, by rating. */
  members: Tally;
  cells: Record<OrganizationRating, number>;
}

export function reviewYear(
  world: World,
  baseId: string,
  year: number,
  fixed?: { members?: Tally; cells?: Record<OrganizationRating, number> },
): YearReview {
  const from = `${year}-12-15`;
  const cells = world.cellsOf(baseId);
  const members: MemberRecord[] = [];
  for (const cell of cells)
    for (const record of world.registeredIn(cell).values()) if (isRatable(record, year)) members.push(record);
  const disciplined = members.filter((m) => disciplinedIn(m, year));
  const others = members.filter((m) => !disciplinedIn(m, year));
  const ratings = ratingsFor(world.random, others.length, fixed?.members);
  const tally: Tally = { excellent: 0, good: 0, completed: 0, not_completed: 0 };
  const rate = (record: MemberRecord, rating: MemberRating) => {
    const effectiveDate = later(from, record.floor);
    const done = world.decide('assessMember', () => [
      {
        record,
        events: assessMember({ memberId: record.id, year, rating, effectiveDate }, record.state, {
          today: world.today,
        }),
      },
    ]);
    if (done) tally[rating] += 1;
    else if (fixed?.members)
      throw new Error(`Rating ${record.id} for ${year} was refused: ${world.lastRefusal}`);
  };
  others.forEach((record, i) => rate(record, ratings[i]));
  disciplined.forEach((record) => rate(record, 'not_completed'));

  const rated = cells.filter((cell) => world.isActive(cell, from));
  const cellRatings = ratingsFor(world.random, rated.length, fixed?.cells) as OrganizationRating[];
  const cellTally: Record<OrganizationRating, number> = {
    excellent: 0,
    good: 0,
    completed: 0,
    not_completed: 0,
  };
  rated.forEach((cell, i) => {
    if (assess(world, cell, year, cellRatings[i], from)) cellTally[cellRatings[i]] += 1;
    else if (fixed?.cells)
      throw new Error(`Rating cell ${cell} for ${year} was refused: ${world.lastRefusal}`);
  });
  if (world.organization(baseId).kind === 'base_committee' && world.isActive(baseId, from))
    assess(world, baseId, year, world.random.chance(0.2) ? 'excellent' : 'good', from);
  return { members: tally, cells: cellTally };
}
