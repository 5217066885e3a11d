import { ORGANIZATION_RATINGS, OrganizationRating, ratingFor } from '@ledger/domain';
import { RatingCounts, Ratings, RatingsQuery } from '../point-in-time';
import { World } from './world';

type Rating = OrganizationRating;
type Tally = RatingCounts & { shares: Record<Rating, number> };

const tally = (ratings: Rating[]): Tally => {
  const counts = { excellent: 0, good: 0, completed: 0, not_completed: 0 };
  for (const rating of ratings) counts[rating] += 1;
  const total = ratings.length;
  const share = (n: number) => (total === 0 ? 0 : n / total);
  const shares = Object.fromEntries(ORGANIZATION_RATINGS.map((r) => [r, share(counts[r])])) as Record<
    Rating,
    number
  >;
  return { ...counts, total, shares };
};

const isRating = (value: unknown): value is Rating =>
  (ORGANIZATION_RATINGS as readonly unknown[]).includes(value);

/** SEMANTICS.md rule 8: the tree on 31 December of the year, the ratings from the fully folded states. */
export const ratingsOf = (world: World, query: RatingsQuery): Ratings => {
  const { organizationId, year } = query;
  const yearEnd = `${String(year).padStart(4, '0')}-12-31`;
  const subtree = world.subtree(organizationId, yearEnd);
  const memberRatings: Rating[] = [];
  for (const timeline of world.members.values()) {
    const atYearEnd = timeline.on(yearEnd);
    if (atYearEnd.status === 'none' || !subtree.has(atYearEnd.cellId)) continue;
    const state = timeline.final;
    const rating =
      state.status === 'none' || state.status === 'candidate' ? undefined : ratingFor(state.ratings, year);
    if (isRating(rating)) memberRatings.push(rating);
  }
  const organizationRatings: Rating[] = [];
  for (const id of subtree) {
    if (id === organizationId) continue;
    const state = world.organizations.get(id)?.final;
    const rating = state && state.status !== 'none' ? ratingFor(state.ratings, year) : undefined;
    if (isRating(rating)) organizationRatings.push(rating);
  }
  const members = tally(memberRatings);
  const denominator = query.quotaDenominator ?? 'goodOrBetter';
  const base = denominator === 'good' ? members.good : members.excellent + members.good;
  // floor(0.2 × n) computed as floor(n / 5): the same number, without binary fractions.
  const limit = Math.floor(base / 5);
  return {
    organizationId,
    year,
    members,
    organizations: tally(organizationRatings),
    excellentQuota: { denominator, limit, excellent: members.excellent, holds: members.excellent <= limit },
  };
};
