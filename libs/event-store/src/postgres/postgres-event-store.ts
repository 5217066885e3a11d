import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { Pool, PoolClient } from 'pg';
import {
  AppendOptions,
  AppendResult,
  ExpectedVersion,
  NewEvent,
  ReferenceGuard,
  StoredEvent,
  StreamAppend,
} from '../envelope';
import { ConcurrencyError, IdempotencyConflictError, InvalidAppendError } from '../errors';
import { EventStore } from '../event-store.port';
import { canonicalJson, GENESIS_HASH, hashEvent, sha256 } from '../hashing';
import { VerifyProgress, VerifyResult } from '../verify-result';
import { EventRow, toStoredEvent } from './event-row';
import { insertEnvelopes } from './insert-envelopes';
import { verifyLog } from './verify-log';

/**
 * One lock for every append. Serializing appends is how this store keeps the subscription
 * promise: a transaction-level advisory lock is held from reading the head to COMMIT, and
 * PostgreSQL makes a commit visible before it releases the transaction's locks. So positions
 * are assigned in commit order and a reader that has passed position p can never later find a
 * new event below p (the bigserial trap of DESIGN.md). The hash chain needs one writer at a
 * time anyway; batching several events per append keeps imports fast.
 */
const APPEND_LOCK = 7_340_211;

export interface PostgresEventStoreOptions {
  /** Applied to every event read (not to verify, which checks what was written). */
  upcast?: (event: StoredEvent) => StoredEvent;
  /** Test seam: runs inside the append transaction just before COMMIT (the contract suite holds transactions open with it). */
  beforeCommit?: () => Promise<void>;
}

export class PostgresEventStore implements EventStore {
  private readonly appended = new EventEmitter();

  constructor(
    private readonly pool: Pool,
    private readonly options: PostgresEventStoreOptions = {},
  ) {
    this.appended.setMaxListeners(0);
  }

  append(streamId: string, expectedVersion: ExpectedVersion, events: NewEvent[], options?: AppendOptions) {
    return this.appendMany([{ streamId, expectedVersion, events }], options);
  }

  async appendMany(appends: StreamAppend[], options: AppendOptions = {}): Promise<AppendResult> {
    validate(appends, options);
    const requestHash = options.requestHash ?? fingerprint(appends);
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock($1)', [APPEND_LOCK]);
      if (options.idempotencyKey) {
        const seen = await this.replay(client, options.idempotencyKey, requestHash);
        if (seen) {
          await client.query('COMMIT');
          return seen;
        }
      }
      const versions = await this.checkVersions(client, appends);
      await this.checkGuards(client, options.guards ?? []);
      const result = appends.some((a) => a.events.length > 0)
        ? await this.insert(client, appends, versions)
        : await this.unchanged(client, appends, versions);
      if (options.idempotencyKey) {
        await client.query('INSERT INTO ledger_idempotency (key, request_hash, result) VALUES ($1, $2, $3)', [
          options.idempotencyKey,
          requestHash,
          JSON.stringify(result),
        ]);
      }
      if (this.options.beforeCommit) await this.options.beforeCommit();
      await client.query('COMMIT');
      this.appended.emit('append', result.lastPosition);
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /** Under the append lock, so nothing can slip in between this check and the commit. */
  private async checkGuards(client: PoolClient, guards: ReferenceGuard[]): Promise<void> {
    for (const g of guards) {
      const found = await client.query<{ stream_id: string; global_position: string }>(
        `SELECT e.stream_id, e.global_position FROM unnest($1::jsonb[]) AS f(fragment)
           CROSS JOIN LATERAL (
             SELECT stream_id, global_position FROM ledger_events
              WHERE data @> f.fragment AND global_position > $2 AND starts_with(stream_id, $3) LIMIT 1
           ) e LIMIT 1`,
        [g.fragments.map((f) => JSON.stringify(f)), g.since, g.streamPrefix],
      );
      if (found.rowCount) throw new ConcurrencyError(found.rows[0].stream_id, 'no_stream', 0);
    }
  }

  /** An append of no event (a decision that changed nothing, kept for its idempotency key): versions checked, nothing written. */
  private async unchanged(
    client: PoolClient,
    appends: StreamAppend[],
    versions: Map<string, number>,
  ): Promise<AppendResult> {
    const head = await client.query<{ global_position: string }>('SELECT global_position FROM ledger_head');
    const position = Number(head.rows[0].global_position);
    return {
      streams: appends.map((a) => ({ streamId: a.streamId, version: versions.get(a.streamId)! })),
      firstPosition: position,
      lastPosition: position,
      replayed: false,
    };
  }

  async findIdempotent(idempotencyKey: string, requestHash: string): Promise<AppendResult | undefined> {
    const client = await this.pool.connect();
    try {
      return await this.replay(client, idempotencyKey, requestHash);
    } finally {
      client.release();
    }
  }

  private async replay(
    client: PoolClient,
    key: string,
    requestHash: string,
  ): Promise<AppendResult | undefined> {
    const found = await client.query<{ request_hash: string; result: AppendResult }>(
      'SELECT request_hash, result FROM ledger_idempotency WHERE key = $1',
      [key],
    );
    if (found.rowCount === 0) return undefined;
    if (found.rows[0].request_hash !== requestHash) throw new IdempotencyConflictError(key);
    return { ...found.rows[0].result, replayed: true };
  }

  private async checkVersions(client: PoolClient, appends: StreamAppend[]): Promise<Map<string, number>> {
    const ids = appends.map((a) => a.streamId);
    const rows = await client.query<{ stream_id: string; version: number }>(
      'SELECT stream_id, max(stream_version) AS version FROM ledger_events WHERE stream_id = ANY($1) GROUP BY stream_id',
      [ids],
    );
    const current = new Map(ids.map((id) => [id, -1]));
    for (const row of rows.rows) current.set(row.stream_id, Number(row.version));
    for (const a of appends) {
      const actual = current.get(a.streamId)!;
      if (a.expectedVersion === 'any') continue;
      const expected = a.expectedVersion === 'no_stream' ? -1 : a.expectedVersion;
      if (actual !== expected) throw new ConcurrencyError(a.streamId, a.expectedVersion, actual);
    }
    return current;
  }

  private async insert(
    client: PoolClient,
    appends: StreamAppend[],
    versions: Map<string, number>,
  ): Promise<AppendResult> {
    const head = await client.query<{ position: string; hash: string; recorded_at: string }>(
      `SELECT h.global_position AS position, h.hash,
              to_char(greatest(date_trunc('milliseconds', clock_timestamp()), h.recorded_at) AT TIME ZONE 'UTC',
                      'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS recorded_at
         FROM ledger_head h`,
    );
    let position = Number(head.rows[0].position);
    let previous = head.rows[0].hash;
    // Transaction time never decreases along the log, so "recorded by knownAt" is a prefix.
    const recordedAt = head.rows[0].recorded_at;
    const rows: StoredEvent[] = [];
    const streams: AppendResult['streams'] = [];
    for (const a of appends) {
      let version = versions.get(a.streamId)!;
      for (const e of a.events) {
        position += 1;
        version += 1;
        const event = {
          globalPosition: position,
          streamId: a.streamId,
          streamVersion: version,
          eventId: e.eventId ?? randomUUID(),
          type: e.type,
          schemaVersion: e.schemaVersion ?? 1,
          data: e.data,
          effectiveDate: e.effectiveDate,
          recordedAt,
          metadata: e.metadata ?? {},
        };
        previous = hashEvent(event, previous);
        rows.push({ ...event, hash: previous });
      }
      streams.push({ streamId: a.streamId, version });
    }
    await insertEnvelopes(client, rows);
    await client.query('UPDATE ledger_head SET global_position = $1, hash = $2, recorded_at = $3', [
      position,
      previous,
      recordedAt,
    ]);
    return {
      streams,
      firstPosition: rows[0]?.globalPosition ?? position,
      lastPosition: position,
      replayed: false,
    };
  }

  async readStream(streamId: string, fromVersion = 0): Promise<StoredEvent[]> {
    const result = await this.pool.query<EventRow>(
      `SELECT * FROM ledger_events WHERE stream_id = $1 AND stream_version >= $2 ORDER BY stream_version`,
      [streamId, fromVersion],
    );
    return result.rows.map((r) => this.read(r));
  }

  async findStreams(streamPrefix: string, fragments: Record<string, unknown>[]): Promise<string[]> {
    // One probe of the GIN index on data per fragment: `data @> ANY(array)` cannot use the index.
    const result = await this.pool.query<{ stream_id: string }>(
      `SELECT DISTINCT e.stream_id FROM unnest($1::jsonb[]) AS f(fragment)
         CROSS JOIN LATERAL (SELECT stream_id FROM ledger_events WHERE data @> f.fragment) e
        WHERE starts_with(e.stream_id, $2) ORDER BY e.stream_id`,
      [fragments.map((f) => JSON.stringify(f)), streamPrefix],
    );
    return result.rows.map((r) => r.stream_id);
  }

  /**
   * One probe of the GIN index on metadata (IndexEventCausation1732300000002) per id. The lateral join is
   * what lets the planner use it: GIN cannot serve `metadata @> ANY (array)`, which scans the whole log.
   */
  async readCausedBy(eventIds: string[]): Promise<StoredEvent[]> {
    if (eventIds.length === 0) return [];
    const result = await this.pool.query<EventRow>(
      `SELECT e.* FROM unnest($1::text[]) AS cause(id)
         CROSS JOIN LATERAL (
           SELECT * FROM ledger_events WHERE metadata @> jsonb_build_object('causationId', cause.id)
         ) e
        ORDER BY e.global_position`,
      [[...new Set(eventIds)]],
    );
    return result.rows.map((r) => this.read(r));
  }

  async readEvent(eventId: string): Promise<StoredEvent | undefined> {
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(eventId)) return undefined;
    const result = await this.pool.query<EventRow>('SELECT * FROM ledger_events WHERE event_id = $1', [
      eventId,
    ]);
    return result.rows[0] ? this.read(result.rows[0]) : undefined;
  }

  async streamVersion(streamId: string): Promise<number> {
    const result = await this.pool.query<{ version: number | null }>(
      'SELECT max(stream_version) AS version FROM ledger_events WHERE stream_id = $1',
      [streamId],
    );
    return result.rows[0].version === null ? -1 : Number(result.rows[0].version);
  }

  async readAll(afterPosition: number, limit: number): Promise<StoredEvent[]> {
    const result = await this.pool.query<EventRow>(
      'SELECT * FROM ledger_events WHERE global_position > $1 ORDER BY global_position LIMIT $2',
      [afterPosition, limit],
    );
    return result.rows.map((r) => this.read(r));
  }

  async head(): Promise<{ position: number; hash: string }> {
    const result = await this.pool.query<{ global_position: string; hash: string }>(
      'SELECT * FROM ledger_head',
    );
    return { position: Number(result.rows[0].global_position), hash: result.rows[0].hash };
  }

  verify(onProgress?: (progress: VerifyProgress) => void): Promise<VerifyResult> {
    return verifyLog(this.pool, onProgress);
  }

  waitForAppend(timeoutMs: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.appended.off('append', done);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      this.appended.once('append', done);
    });
  }

  private read(row: EventRow): StoredEvent {
    const event = toStoredEvent(row);
    return this.options.upcast ? this.options.upcast(event) : event;
  }
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function validate(appends: StreamAppend[], options: AppendOptions): void {
  // With no event at all, an append only makes sense to remember an idempotency key.
  if (appends.length === 0 || (appends.every((a) => a.events.length === 0) && !options.idempotencyKey))
    throw new InvalidAppendError('An append needs at least one event');
  const seen = new Set<string>();
  for (const a of appends) {
    if (!a.streamId) throw new InvalidAppendError('Every append needs a stream id');
    if (seen.has(a.streamId))
      throw new InvalidAppendError(`Stream ${a.streamId} is named twice in one append`);
    seen.add(a.streamId);
    for (const e of a.events) {
      if (!ISO_DATE.test(e.effectiveDate))
        throw new InvalidAppendError(`effectiveDate ${e.effectiveDate} is not YYYY-MM-DD`);
    }
  }
}

/** What an idempotency key promises when the caller gives no requestHash: the same streams, versions and events. */
function fingerprint(appends: StreamAppend[]): string {
  return sha256(
    canonicalJson(
      appends.map((a) => ({
        streamId: a.streamId,
        expectedVersion: a.expectedVersion,
        events: a.events.map((e) => ({ type: e.type, data: e.data, effectiveDate: e.effectiveDate })),
      })),
    ),
  );
}

export { GENESIS_HASH };
