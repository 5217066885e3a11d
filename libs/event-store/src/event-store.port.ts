import {
  AppendOptions,
  AppendResult,
  NewEvent,
  StoredEvent,
  ExpectedVersion,
  StreamAppend,
} from './envelope';
import { VerifyProgress, VerifyResult } from './verify-result';

/** Injection token for the EventStore port. */
export const EVENT_STORE = Symbol('EVENT_STORE');

/**
 * The event store contract (DESIGN.md). Every adapter passes the shared contract suite in
 * `contract/event-store.contract.ts`.
 */
export interface EventStore {
  /** Append to one stream if it is at `expectedVersion`; all events or none. */
  append(
    streamId: string,
    expectedVersion: ExpectedVersion,
    events: NewEvent[],
    options?: AppendOptions,
  ): Promise<AppendResult>;
  /**
   * Append to several streams in one all-or-nothing step. A stream given with no events is only
   * checked: the append fails if it is not at its expected version (facts a decision relied on).
   */
  appendMany(appends: StreamAppend[], options?: AppendOptions): Promise<AppendResult>;
  /** The first result for an idempotency key seen before (undefined if new); a different request is a conflict. */
  findIdempotent(idempotencyKey: string, requestHash: string): Promise<AppendResult | undefined>;
  /** The stream's events from `fromVersion` (inclusive), upcast to their current shape. */
  readStream(streamId: string, fromVersion?: number): Promise<StoredEvent[]>;
  /**
   * What a fold needs of a stream: its events from `fromVersion` (inclusive) but those whose stored
   * type is one of `skipTypes` (types the fold leaves the state unchanged for), upcast, and the
   * stream's current version (-1 when it has no events), which counts the skipped events too.
   */
  readStreamSkipping(
    streamId: string,
    fromVersion: number,
    skipTypes: readonly string[],
  ): Promise<{ events: StoredEvent[]; version: number }>;
  /**
   * readStreamSkipping of several streams from their start, in one round trip: each stream's
   * events but those of `skipTypes`, and its version (-1 for a stream with no events).
   */
  readStreamsSkipping(
    streamIds: readonly string[],
    skipTypes: readonly string[],
  ): Promise<Map<string, { events: StoredEvent[]; version: number }>>;
  /**
   * Ids of up to `limit` streams whose id starts with `streamPrefix`, the stream whose last event
   * not of `skipTypes` is latest first.
   */
  recentStreams(streamPrefix: string, limit: number, skipTypes: readonly string[]): Promise<string[]>;
  /** Ids of the streams whose prefix matches and that hold an event whose data contains `fragment` (jsonb @>). */
  findStreams(streamPrefix: string, fragments: Record<string, unknown>[]): Promise<string[]>;
  /**
   * The events whose metadata names one of `eventIds` as their cause (causationId), in log order: what a
   * decision changed in other streams (the member events a discipline case caused …).
   */
  readCausedBy(eventIds: string[]): Promise<StoredEvent[]>;
  /** One event by its id (upcast), or undefined. */
  readEvent(eventId: string): Promise<StoredEvent | undefined>;
  /** The stream's current version, -1 when it has no events. */
  streamVersion(streamId: string): Promise<number>;
  /** Up to `limit` events of the global log strictly after `afterPosition`, in order. */
  readAll(afterPosition: number, limit: number): Promise<StoredEvent[]>;
  /** The last position and hash of the log (0 and the genesis hash when empty). */
  head(): Promise<{ position: number; hash: string }>;
  /** Walk the whole log and check the hash chain against the stored head. */
  verify(onProgress?: (progress: VerifyProgress) => void): Promise<VerifyResult>;
  /**
   * Resolves when an append commits after this call (or after `timeoutMs`); lets subscribers sleep.
   * `heardBefore` (a value of `appendsHeard`): resolves at once if an append was heard since, so a
   * subscriber whose read found nothing does not sleep through an append that committed during it.
   */
  waitForAppend(timeoutMs: number, heardBefore?: number): Promise<void>;
  /** How many commits of appends this store has heard of so far: a mark for `waitForAppend`. */
  appendsHeard(): number;
}
