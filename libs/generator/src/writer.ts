import type { EventMetadata, EventStore, NewEvent, StreamAppend } from '@ledger/event-store';

/** What the generator needs of a store: the multi-stream append. */
export type AppendOnlyStore = Pick<EventStore, 'appendMany'> & {
  /**
   * True when an append sent after one that failed is refused, not written (`AppendThread`): the
   * generator may then send a batch before the one before it has answered.
   */
  readonly refusesAfterFailure?: boolean;
};

/** A stream as the generator keeps it in memory: its folded state and the versions it knows of. */
export interface StreamRecord<S> {
  readonly streamId: string;
  state: S;
  /** Version of the last event decided (appended or waiting in the batch); -1 for none. */
  version: number;
}

interface Pending {
  /** The stream's version before this batch: the append's expected version. */
  expected: number;
  events: NewEvent[];
}

/**
 * Collects decided events into batches of about `batchEvents` and appends each batch with one
 * `appendMany`, every stream at the version the generator knows, so nothing is read back. A decision's
 * events (a discipline decision and its effect on the member, a merger and the moves it causes) always
 * travel in the same batch: the batch is cut only between the simulation's tasks, each made of whole
 * decisions.
 *
 * Within a batch the log holds each stream's events together, streams in the order they were first
 * touched (the store takes one entry per stream). Every event of a batch is recorded in the same
 * transaction, at one recordedAt, so no question asked of the ledger can tell that order from the order
 * the decisions were taken in; across batches the log is in decision order.
 */
export class LedgerWriter {
  private pending = new Map<string, Pending>();
  private pendingEvents = 0;
  private appendedEvents = 0;

  constructor(
    private readonly store: AppendOnlyStore,
    private readonly batchEvents: number,
  ) {}

  /** Events appended so far, and waiting in the batch. */
  get events(): number {
    return this.appendedEvents + this.pendingEvents;
  }

  /** How many batches may be on their way to the store at once (see AppendOnlyStore). */
  get inFlight(): number {
    return this.store.refusesAfterFailure ? 2 : 1;
  }

  get due(): boolean {
    return this.pendingEvents >= this.batchEvents;
  }

  add(record: StreamRecord<unknown>, events: NewEvent[]): void {
    let entry = this.pending.get(record.streamId);
    if (!entry) {
      entry = { expected: record.version, events: [] };
      this.pending.set(record.streamId, entry);
    }
    entry.events.push(...events);
    record.version += events.length;
    this.pendingEvents += events.length;
  }

  async flush(): Promise<void> {
    if (this.pendingEvents === 0) return;
    const appends: StreamAppend[] = [];
    for (const [streamId, { expected, events }] of this.pending)
      appends.push({ streamId, expectedVersion: expected < 0 ? 'no_stream' : expected, events });
    const count = this.pendingEvents;
    this.pending = new Map();
    this.pendingEvents = 0;
    await this.store.appendMany(appends);
    this.appendedEvents += count;
  }
}

export const metadataOf = (source: string, decisionRef?: string, causationId?: string): EventMetadata => ({
  source,
  ...(decisionRef ? { decisionRef } : {}),
  ...(causationId ? { causationId } : {}),
});
