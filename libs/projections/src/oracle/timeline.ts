import type { StoredEvent } from '@ledger/event-store/envelope';

/**
 * One stream's states by effective date: the state on D is the fold, in global order, of the stream's
 * events with effectiveDate <= D (SEMANTICS.md rules 2 and 3). A state is kept for each date the stream
 * has an event on; between those dates nothing changes.
 */
export class Timeline<S, E> {
  private readonly dates: string[] = [];
  private readonly states: S[] = [];

  constructor(
    /** The stream's corrected known events, in global order. */
    readonly events: readonly StoredEvent[],
    private readonly evolve: (state: S, event: E) => S,
    private readonly initial: S,
  ) {
    const byDate = new Map<string, number[]>();
    events.forEach((e, i) => byDate.set(e.effectiveDate, [...(byDate.get(e.effectiveDate) ?? []), i]));
    let state = initial;
    let lastIncluded = -1;
    for (const date of [...byDate.keys()].sort()) {
      const arriving = byDate.get(date)!;
      // Events arriving on this date that precede an event already folded reorder the fold: start over.
      state =
        arriving[0] > lastIncluded
          ? arriving.reduce((s, i) => this.apply(s, events[i]), state)
          : this.foldUpTo(date);
      lastIncluded = Math.max(lastIncluded, arriving[arriving.length - 1]);
      this.dates.push(date);
      this.states.push(state);
    }
  }

  /** The state on `date`. */
  on(date: string): S {
    const found = lastAtOrBefore(this.dates, date);
    return found < 0 ? this.initial : this.states[found];
  }

  /** The state folded over every event, whatever its effective date. */
  get final(): S {
    return this.states.length > 0 ? this.states[this.states.length - 1] : this.initial;
  }

  /** The state folded over the events before `index` (global order) dated on or before `date`. */
  before(index: number, date: string): S {
    return this.events
      .slice(0, index)
      .reduce((s, e) => (e.effectiveDate <= date ? this.apply(s, e) : s), this.initial);
  }

  private foldUpTo(date: string): S {
    return this.events.reduce((s, e) => (e.effectiveDate <= date ? this.apply(s, e) : s), this.initial);
  }

  private apply(state: S, event: StoredEvent): S {
    return this.evolve(state, event as unknown as E);
  }
}

/** Index of the last of the sorted `dates` on or before `date`; -1 when there is none. */
export const lastAtOrBefore = (dates: readonly string[], date: string): number => {
  let lo = 0;
  let hi = dates.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (dates[mid] <= date) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
};
