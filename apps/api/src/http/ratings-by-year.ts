import { ratingsByYear, YearRatings } from '@ledger/domain';

/**
 * A member's or an organization's state as the API shows it: its ratings by year, as they always
 * have been (the state keeps them as a list, `YearRatings`).
 */
export const showingRatingsByYear = <S extends object>(
  state: S,
): S | (S & { ratings: Record<number, string> }) =>
  'ratings' in state ? { ...state, ratings: ratingsByYear(state.ratings as YearRatings) } : state;
