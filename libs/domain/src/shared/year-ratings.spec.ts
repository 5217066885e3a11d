import { ratingFor, ratingsByYear, withRating, YearRatings } from './year-ratings';

describe('yearly ratings', () => {
  const rated: YearRatings<'good' | 'excellent'> = [
    { year: 2022, rating: 'good' },
    { year: 2023, rating: 'excellent' },
  ];

  it("finds a year's rating, and none for a year not rated", () => {
    expect(ratingFor(rated, 2023)).toBe('excellent');
    expect(ratingFor(rated, 2024)).toBeUndefined();
    expect(ratingFor([], 2023)).toBeUndefined();
  });

  it('appends a new year, keeping the earlier entries as they were', () => {
    const next = withRating(rated, 2024, 'good');
    expect(next).toEqual([...rated, { year: 2024, rating: 'good' }]);
    expect(next[0]).toBe(rated[0]);
    expect(rated).toHaveLength(2);
  });

  it('replaces a year already rated instead of adding a second entry (a fold takes any event)', () => {
    expect(withRating(rated, 2022, 'excellent')).toEqual([
      { year: 2022, rating: 'excellent' },
      { year: 2023, rating: 'excellent' },
    ]);
  });

  it('shows the ratings by year, as the HTTP API does', () => {
    expect(ratingsByYear(rated)).toEqual({ 2022: 'good', 2023: 'excellent' });
    expect(ratingsByYear([])).toEqual({});
  });
});
