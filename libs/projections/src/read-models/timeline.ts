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
  // When effective dates never go backwards along the log, each state extends the previous one:
  // the builder folds once. Otherwise the state on each date is folded from the start.
  const builder = new TimelineBuilder(project);
  let state = initial;
  for (const e of events) {
    state = evolve(state, e);
    if (!builder.push(e.effectiveDate, state)) return outOfOrder(events, evolve, initial, project);
  }
  return builder.segments();
}

/**
 * The timeline of a stream whose events arrive in date order, extended event by event: the
 * projector keeps one per stream between batches, so a new event costs one step, not a refold.
 * `push` refuses an event dated before the last one (the timeline must then be folded anew).
 */
export class TimelineBuilder<S, T> {
  private readonly done: Segment<T>[] = [];
  private date: string | undefined;
  private value: T | null = null;
  private changed = false;

  constructor(private readonly project: (state: S) => T | null) {}

  /**
   * A builder that carries on `segments` (a whole stream's timeline, however its events arrived)
   * whose latest event takes effect on `date` with `state`: later-dated events extend it as if
   * it had been built event by event.
   */
  static continuing<S, T>(
    project: (state: S) => T | null,
    segments: readonly Segment<T>[],
    date: string | undefined,
    state: S,
  ): TimelineBuilder<S, T> {
    const builder = new TimelineBuilder(project);
    if (date === undefined) return builder;
    builder.date = date;
    builder.value = project(state);
    // The segment running to infinity is the value on `date`: it is kept open, from `date`, by
    // `value`; what it held before `date` is a done segment that `extend` merges it back into.
    for (const segment of segments)
      if (segment.validTo !== INFINITY) builder.done.push(segment);
      else if (segment.validFrom < date) builder.done.push({ ...segment, validTo: date });
    return builder;
  }

  /** `state` is the stream's state after the event that takes effect on `date`. */
  push(date: string, state: S): boolean {
    if (this.date !== undefined && date < this.date) return false;
    const value = this.project(state);
    // The segments change only when the value does: an equal value on a later date merges
    // into the segment that already runs to infinity.
    if (!same(value, this.value)) this.changed = true;
    // The last date's value is final once a later date arrives.
    if (this.date !== undefined && date > this.date) extend(this.done, this.date, date, this.value);
    this.date = date;
    this.value = value;
    return true;
  }

  /** Whether the segments may have changed since the last call. */
  takeChanged(): boolean {
    const changed = this.changed;
    this.changed = false;
    return changed;
  }

  segments(): Segment<T>[] {
    if (this.date === undefined) return [];
    const segments = [...this.done];
    extend(segments, this.date, INFINITY, this.value);
    return segments;
  }
}

/** Adds the value held from `date` to `validTo`, merged with an equal neighbour (never mutated: copied). */
function extend<T>(segments: Segment<T>[], date: string, validTo: string, value: T | null): void {
  if (value === null) return;
  const last = segments[segments.length - 1];
  if (last && last.validTo === date && same(last.value, value))
    segments[segments.length - 1] = { ...last, validTo };
  else segments.push({ validFrom: date, validTo, value });
}

function outOfOrder<S, E extends Dated, T>(
  events: readonly E[],
  evolve: (state: S, event: E) => S,
  initial: S,
  project: (state: S) => T | null,
): Segment<T>[] {
  const dates = [...new Set(events.map((e) => e.effectiveDate))].sort();
  const segments: Segment<T>[] = [];
  dates.forEach((date, i) => {
    const state = events.filter((e) => e.effectiveDate <= date).reduce(evolve, initial);
    extend(segments, date, dates[i + 1] ?? INFINITY, project(state));
  });
  return segments;
}

/** Rows are flat records of strings and nulls: compared field by field. */
const same = (a: unknown, b: unknown): boolean => {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null)
    return JSON.stringify(a) === JSON.stringify(b);
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => {
    const x = (a as Record<string, unknown>)[k];
    const y = (b as Record<string, unknown>)[k];
    return x === y || (typeof x === 'object' && x !== null && JSON.stringify(x) === JSON.stringify(y));
  });
};
