/** A value that holds on the effective dates [validFrom, validTo); validTo 'infinity' for "still so". */
export interface Segment<T> {
  validFrom: string;
  validTo: string;
  value: T;
}

export const INFINITY = 'infinity';

interface Dated {
  effectiveDate: string;
}

/**
 * The valid-time history of one stream: the state on date D is the fold of its events with an
 * effective date on or before D, in log order (SEMANTICS.md rules 2 and 3). Only dates where an
 * event takes effect can change it, so those are the segment boundaries. `project` keeps what the
 * read model stores (null: no row); equal neighbours are merged.
 */
export function timeline<S, E extends Dated, T>(
  events: readonly E[],
  evolve: (state: S, event: E) => S,
  initial: S,
  project: (state: S) => T | null,
): Segment<T>[] {
  const dates = [...new Set(events.map((e) => e.effectiveDate))].sort();
  // When effective dates never go backwards along the log, each state extends the previous one.
  const inOrder = events.every((e, i) => i === 0 || events[i - 1].effectiveDate <= e.effectiveDate);
  const segments: Segment<T>[] = [];
  let state = initial;
  let consumed = 0;
  dates.forEach((date, i) => {
    if (inOrder) {
      while (consumed < events.length && events[consumed].effectiveDate <= date)
        state = evolve(state, events[consumed++]);
    } else {
      state = events.filter((e) => e.effectiveDate <= date).reduce(evolve, initial);
    }
    const value = project(state);
    const validTo = dates[i + 1] ?? INFINITY;
    const last = segments[segments.length - 1];
    if (value === null) return;
    if (last && last.validTo === date && same(last.value, value)) last.validTo = validTo;
    else segments.push({ validFrom: date, validTo, value });
  });
  return segments;
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
