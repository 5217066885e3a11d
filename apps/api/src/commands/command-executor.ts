import { Inject, Injectable } from '@nestjs/common';
import { applyCorrections, DomainEvent, isCorrectionEvent } from '@ledger/domain';
import {
  AppendResult,
  ConcurrencyError,
  EVENT_STORE,
  EventStore,
  newEventId,
  StoredEvent,
  StreamAppend,
} from '@ledger/event-store';
import { PreconditionFailedError } from '../http/precondition-failed.error';
import { CommandMeta } from './command-meta';
import { CommandResult } from './command-result';

/** A stream folded to its current state, with the version the decision is made on. */
export interface Loaded<S> {
  streamId: string;
  state: S;
  version: number;
  /** Taken from the fold kept after this app's last command on the stream, without reading the log. */
  fromKept?: boolean;
}

/** How a plan may load its command's own stream on this attempt (see CommandExecutor.execute). */
export interface Attempt {
  /**
   * The own stream may be taken as this app last left it (`load` with this attempt), unread: the
   * append checks its version, and a stale fold costs one decision again, never a wrong answer.
   */
  readonly trustKept: boolean;
  /** Set by `load` when it gave a kept fold, unread: a refusal is then decided again on the log. */
  usedKept?: boolean;
}

/** What a handler decided: events per stream, and the fact streams whose versions must not have moved. */
export interface Plan {
  id: string;
  /** The command's own stream (its version is the answer's `version`, and If-Match applies to it). */
  stream: Loaded<unknown>;
  events: DomainEvent[];
  /** Events for other streams (members moved by a merger …), each caused by the first event of `events`. */
  others?: { stream: Loaded<unknown>; events: DomainEvent[] }[];
  /** Streams read as facts: the append fails (and the command is decided again) if any has changed. */
  facts?: Loaded<unknown>[];
  /**
   * Sets of streams read as facts that a version cannot guard because a new one may appear (the
   * members of a cell, the children of an organization): the append fails (and the command is
   * decided again) if an event mentioning the value was appended since the decision began.
   */
  references?: { streamPrefix: string; fragments: Record<string, unknown>[] }[];
  decisionRef?: string;
}

/**
 * How often a command is decided again after a concurrent change (by another process: those of
 * this app take turns) before it is reported (409).
 */
const MAX_ATTEMPTS = 10;
/** The longest pause before deciding again, in ms; pauses are random so that racers spread out. */
const MAX_BACKOFF_MS = 40;
/** Streams whose folded state is kept between commands (the most recently used). */
export const KEPT_FOLDS = 20_000;

interface KeptFold {
  evolve: unknown;
  initial: unknown;
  state: unknown;
  version: number;
}

/**
 * The one way a command reaches the log: load, decide (inside `plan`), append with the versions
 * the decision saw. Commands of this app on one stream take turns; a concurrent change is decided
 * again (up to MAX_ATTEMPTS times), unless the client sent If-Match, which turns it into 412. An
 * idempotency key seen before returns the first answer.
 */
@Injectable()
export class CommandExecutor {
  private readonly folds = new Map<string, KeptFold>();
  /** Streams a command of this app is deciding on and appending to → the commands waiting their turn. */
  private readonly streams = new Map<string, (() => void)[]>();

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /**
   * The stream folded to its current state. A stream folded before is not read again: only the
   * events since (usually none) are read and folded onto the kept state — a cell with years of
   * meetings costs one short read, not hundreds of events. The fold is the same either way (log
   * order); a correction among the new events means a full read (it may change earlier events).
   * `skipTypes`: types `evolve` leaves the state unchanged for (the domain lists them), not read.
   * `attempt` that trusts kept folds: a kept fold is returned as it is, unread (only for a
   * command's own stream, whose version the append checks: Attempt).
   */
  async load<S, E extends DomainEvent>(
    streamId: string,
    evolve: (s: S, e: E) => S,
    initial: S,
    skipTypes: readonly string[] = [],
    attempt?: Attempt,
  ): Promise<Loaded<S>> {
    const kept = this.folds.get(streamId);
    if (kept && kept.evolve === evolve && kept.initial === initial) {
      if (attempt?.trustKept) {
        attempt.usedKept = true;
        return { streamId, state: kept.state as S, version: kept.version, fromKept: true };
      }
      const newer = await this.store.readStreamSkipping(streamId, kept.version + 1, skipTypes);
      if (!newer.events.some(isCorrectionEvent)) {
        const state = newer.events.map(toDomainEvent).reduce((s, e) => evolve(s, e as E), kept.state as S);
        return this.keep({ streamId, state, version: newer.version }, evolve, initial);
      }
    }
    const read = await this.store.readStreamSkipping(streamId, 0, skipTypes);
    return this.keep(
      { streamId, state: foldRead(read.events, evolve, initial), version: read.version },
      evolve,
      initial,
    );
  }

  /**
   * Keeps the folds of streams read whole elsewhere (`readStreamsSkipping` with the same skip
   * types as `load`), as `load` would have kept them, so that the first command on each finds its
   * fold (Directory.foldOrganizations, at start). A fold as recent or newer already kept (a
   * command got there first) stays. A stream whose fold fails is left to be read by its command.
   * Returns how many were kept.
   */
  keepFolds<S, E extends DomainEvent>(
    streams: Map<string, { events: StoredEvent[]; version: number }>,
    evolve: (s: S, e: E) => S,
    initial: S,
  ): number {
    let kept = 0;
    for (const [streamId, read] of streams) {
      const current = this.folds.get(streamId);
      if (current && current.version >= read.version) continue;
      let state: S;
      try {
        state = foldRead(read.events, evolve, initial);
      } catch {
        continue;
      }
      this.keep({ streamId, state, version: read.version }, evolve, initial);
      kept++;
    }
    return kept;
  }

  private keep<S>(loaded: Loaded<S>, evolve: unknown, initial: unknown): Loaded<S> {
    // Map order is insertion order: re-inserting makes this the most recent; the oldest goes first.
    this.folds.delete(loaded.streamId);
    this.folds.set(loaded.streamId, { evolve, initial, state: loaded.state, version: loaded.version });
    if (this.folds.size > KEPT_FOLDS) this.folds.delete(this.folds.keys().next().value!);
    return loaded;
  }

  /**
   * Decides (`plan`) and appends. The first decision may take the command's own stream from the
   * fold this app kept after its last command there (Attempt), which saves the read of the log
   * that most commands cost: the append checks the stream's version, so a fold left stale by
   * another process fails it, and the command is decided again on the log at once. Answers given
   * without that check (a refusal, If-Match, a decision that changes nothing) are always decided
   * on the log.
   */
  async execute(meta: CommandMeta, plan: (attempt: Attempt) => Promise<Plan>): Promise<CommandResult> {
    // The log's head before the decision, for a plan with references (its guards look at what was
    // appended since the decision began). Most plans have none, and the head is a round trip to
    // the database: it is read only once a plan shows references, and that plan is decided again.
    let needsSince = false;
    let trustKept = meta.ifMatch === undefined;
    // This command's turn on its stream, once taken (released when it is answered).
    let release: (() => void) | undefined;
    try {
      for (let attempt = 1; ;) {
        const since = needsSince ? (await this.store.head()).position : undefined;
        let decided: Plan;
        const current: Attempt = { trustKept };
        try {
          decided = await plan(current);
        } catch (error) {
          // A refusal (422, 404 …) is answered without an append to check the kept fold it may
          // rest on: one that rests on a kept fold is given only as decided on the log.
          if (!current.usedKept) throw error;
          trustKept = false;
          continue;
        }
        if (since === undefined && (decided.references ?? []).length > 0) {
          needsSince = true;
          continue;
        }
        if (!release) {
          // Another command of this app is appending to the stream: its append would make this
          // one's fail. Wait for it, then decide again on what it appended. (One that finished
          // between this decision and this check is caught by the version, and this command,
          // holding its turn now, decides again below.)
          const taken = this.streams.has(decided.stream.streamId);
          release = await this.turnOn(decided.stream.streamId);
          if (taken) continue;
        }
        const fromKept = [
          decided.stream,
          ...(decided.others ?? []).map((o) => o.stream),
          ...(decided.facts ?? []),
        ].some((l) => l.fromKept);
        if (fromKept && changesNothing(decided)) {
          // Nothing would be appended, so nothing would check the kept fold: decide on the log.
          trustKept = false;
          continue;
        }
        if (meta.ifMatch !== undefined && decided.stream.version !== meta.ifMatch)
          throw new PreconditionFailedError(meta.ifMatch, decided.stream.version);
        // Without a key there is nothing to remember; with one, the empty append records the answer.
        if (changesNothing(decided) && !meta.idempotencyKey) return await this.unchanged(decided);
        try {
          const result = await this.store.appendMany(this.appends(decided, meta), {
            idempotencyKey: meta.idempotencyKey,
            requestHash: meta.requestHash,
            guards: (decided.references ?? []).map((r) => ({ since: since!, ...r })),
          });
          this.advanceKept(decided, result);
          const own = result.streams.find((s) => s.streamId === decided.stream.streamId)!;
          return { id: decided.id, version: own.version, position: result.lastPosition };
        } catch (error) {
          if (!(error instanceof ConcurrencyError)) throw error;
          if (meta.ifMatch !== undefined && error.streamId === decided.stream.streamId)
            throw new PreconditionFailedError(meta.ifMatch, error.actual);
          if (fromKept) {
            // Another process appended since this app kept its fold: decide again on the log, now
            // (the kept fold is not a racer to wait for).
            this.folds.delete(error.streamId);
            trustKept = false;
            continue;
          }
          if (attempt++ >= MAX_ATTEMPTS) throw error;
          await backoff(attempt);
        }
      }
    } finally {
      release?.();
    }
  }

  /**
   * After an append, the kept folds of its streams are moved on by the events appended, as a read
   * of the log would fold them (their data as the log gives it back: JSON), so that the stream's
   * next command finds its fold current. A correction changes earlier events: that fold is dropped.
   */
  private advanceKept(plan: Plan, result: AppendResult): void {
    const written = [{ stream: plan.stream, events: plan.events }, ...(plan.others ?? [])];
    for (const { stream, events } of written) {
      if (events.length === 0) continue;
      const kept = this.folds.get(stream.streamId);
      const version = result.streams.find((s) => s.streamId === stream.streamId)?.version;
      // Only the fold the decision started from is moved on, and only by events this append
      // wrote: a replayed idempotency key wrote nothing (its first request's events are in the
      // log, perhaps after others this fold has not seen). Any other fold is unknown here.
      const unknown =
        !kept ||
        result.replayed ||
        kept.version !== stream.version ||
        version === undefined ||
        events.some(isCorrectionEvent);
      if (unknown) {
        this.folds.delete(stream.streamId);
        continue;
      }
      try {
        const evolve = kept.evolve as (s: unknown, e: DomainEvent) => unknown;
        const state = events.map(asReadBack).reduce(evolve, kept.state);
        this.keep({ streamId: stream.streamId, state, version }, kept.evolve, kept.initial);
      } catch {
        // The events are in the log whatever happens here: the answer stays 201, and the stream
        // is read from the log next time.
        this.folds.delete(stream.streamId);
      }
    }
  }

  /**
   * Commands of this app on one stream take turns, in arrival order: without turns, N clients
   * racing for one cell each lost a round but one, and some lost every round (measured: 43 of 64
   * meetings recorded by 16 clients in one cell answered 409). Resolves with the turn's release.
   */
  private turnOn(streamId: string): Promise<() => void> {
    const release = () => {
      const next = this.streams.get(streamId)!.shift();
      if (next) next();
      else this.streams.delete(streamId);
    };
    const waiting = this.streams.get(streamId);
    if (!waiting) {
      this.streams.set(streamId, []);
      return Promise.resolve(release);
    }
    return new Promise((resolve) => waiting.push(() => resolve(release)));
  }

  /** A key seen before: the first answer, before deciding again on a state that has moved on. */
  async replayed(meta: CommandMeta, id: string, streamId: string): Promise<CommandResult | undefined> {
    if (!meta.idempotencyKey) return undefined;
    const first = await this.store.findIdempotent(meta.idempotencyKey, meta.requestHash!); // made with the key
    if (!first) return undefined;
    const own = first.streams.find((s) => s.streamId === streamId) ?? first.streams[0];
    return { id, version: own.version, position: first.lastPosition };
  }

  /**
   * A decision that changes nothing (a profile update repeating the file) appends nothing — the store
   * refuses an empty append — and answers with the stream as it stands: its version, and the position
   * of its last event.
   */
  private async unchanged(plan: Plan): Promise<CommandResult> {
    const { streamId, version } = plan.stream;
    const [last] = version < 0 ? [] : await this.store.readStream(streamId, version);
    return { id: plan.id, version, position: last?.globalPosition ?? 0 };
  }

  private appends(plan: Plan, meta: CommandMeta): StreamAppend[] {
    const causeId = newEventId();
    const metadata = (causationId?: string) => ({
      actor: meta.actor,
      correlationId: meta.correlationId,
      ...(causationId ? { causationId } : {}),
      ...(meta.idempotencyKey ? { idempotencyKey: meta.idempotencyKey } : {}),
      ...(plan.decisionRef ? { decisionRef: plan.decisionRef } : {}),
      source: 'api',
    });
    const own: StreamAppend = {
      streamId: plan.stream.streamId,
      expectedVersion: plan.stream.version < 0 ? 'no_stream' : plan.stream.version,
      events: plan.events.map((e, i) => ({
        ...toNewEvent(e),
        eventId: i === 0 ? causeId : newEventId(),
        metadata: metadata(),
      })),
    };
    const others: StreamAppend[] = (plan.others ?? []).map((o) => ({
      streamId: o.stream.streamId,
      expectedVersion: o.stream.version < 0 ? 'no_stream' : o.stream.version,
      events: o.events.map((e) => ({ ...toNewEvent(e), metadata: metadata(causeId) })),
    }));
    const named = new Set([own.streamId, ...others.map((o) => o.streamId)]);
    const facts: StreamAppend[] = (plan.facts ?? [])
      .filter((f) => !named.has(f.streamId) && f.version >= 0)
      .filter((f, i, all) => all.findIndex((g) => g.streamId === f.streamId) === i)
      .map((f) => ({ streamId: f.streamId, expectedVersion: f.version, events: [] }));
    return [own, ...others, ...facts];
  }
}

/** A random pause, growing with the attempt (full jitter), before a command is decided again. */
const backoff = (attempt: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(MAX_BACKOFF_MS, 2 ** attempt)));

const changesNothing = (plan: Plan): boolean =>
  plan.events.length === 0 && (plan.others ?? []).every((o) => o.events.length === 0);

/** A stream read whole, folded: decisions see the record as corrected (RecordCorrected / RecordRetracted applied). */
const foldRead = <S, E extends DomainEvent>(
  events: StoredEvent[],
  evolve: (s: S, e: E) => S,
  initial: S,
): S =>
  applyCorrections(events)
    .map(toDomainEvent)
    .reduce((s, e) => evolve(s, e as E), initial);

export const toDomainEvent = (e: StoredEvent): DomainEvent => ({
  type: e.type,
  data: e.data,
  effectiveDate: e.effectiveDate,
});

/** The event as a read of the log would give it back: its data through JSON, as jsonb stores it. */
const asReadBack = (e: DomainEvent): DomainEvent => ({
  type: e.type,
  data: JSON.parse(JSON.stringify(e.data)) as DomainEvent['data'],
  effectiveDate: e.effectiveDate,
});

const toNewEvent = (e: DomainEvent) => ({
  type: e.type,
  data: e.data as Record<string, unknown>,
  effectiveDate: e.effectiveDate,
});
