import { EventEmitter } from 'node:events';
import { Pool, PoolClient, QueryResult } from 'pg';
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
import { canonicalJson, chainHash, GENESIS_HASH, sha256 } from '../hashing';
import { VerifyProgress, VerifyResult } from '../verify-result';
import { newEventId } from '../event-id';
import { EventRow, toStoredEvent } from './event-row';
import { AppendQueue, Queued } from './append-queue';
import { insertEnvelopes } from './insert-envelopes';
import { EventJson, forgetJson, jsonOf, prepareJson } from './prepared-json';
import { isOrganizationStream, ORGANIZATION_PREFIX } from './bulk-load';
import {
  recentStreams as recentStreamsStatement,
  skipsWhatStatesLeaveOut,
  streamReadSkipping,
  streamsReadSkipping,
} from './stream-read';
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
  /**
   * Remember the versions of the streams this store writes, and take them as they are while the
   * log's head is where this store's last append left it (nobody else has appended since): only
   * the other streams of an append are read under the lock. For bulk loads (`AppendThread`),
   * whose batches touch thousands of streams each, most of them written before; it remembers
   * every stream it writes (some 450,000 for a 300,000-member province) for as long as it lives.
   */
  rememberVersions?: boolean;
}

export class PostgresEventStore implements EventStore {
  private readonly appended = new EventEmitter();
  /** Appends heard of (committed here, or noticed): every 'append' emitted counts. */
  private heard = 0;
  /** Whether text sorts byte by byte in this database (sortsBytewise), once asked. */
  private bytewise?: Promise<boolean>;
  /** With rememberVersions: the versions this store wrote, as they stand while the head is at `head`. */
  private readonly written?: { head: number; versions: Map<string, number> };
  private readonly queue = new AppendQueue<AppendRequest, AppendResult>({
    alone: (request) => this.writeAlone(request),
    group: (group) => this.writeGroup(group),
    groupable: ({ appends, options }) =>
      !options.idempotencyKey && !options.guards?.length && appends.some((a) => a.events.length > 0),
    maxGroup: 64,
  });

  constructor(
    private readonly pool: Pool,
    private readonly options: PostgresEventStoreOptions = {},
  ) {
    if (options.rememberVersions) this.written = { head: -1, versions: new Map() };
    this.appended.setMaxListeners(0);
    this.appended.on('append', () => this.heard++);
  }

  append(streamId: string, expectedVersion: ExpectedVersion, events: NewEvent[], options?: AppendOptions) {
    return this.appendMany([{ streamId, expectedVersion, events }], options);
  }

  async appendMany(appends: StreamAppend[], options: AppendOptions = {}): Promise<AppendResult> {
    validate(appends, options);
    prepareJson(appends);
    return this.queue.submit({ appends, options }).finally(() => forgetJson(appends));
  }

  /** One append in its own transaction: every check the port promises, in order. */
  private async writeAlone({ appends, options }: AppendRequest): Promise<AppendResult> {
    // What the key promises (only an append with a key needs it).
    const idempotency = options.idempotencyKey && {
      key: options.idempotencyKey,
      requestHash: options.requestHash ?? fingerprint(appends),
    };
    const client = await this.pool.connect();
    try {
      const { versions, head } = await this.begin(
        client,
        appends.map((a) => a.streamId),
      );
      if (idempotency) {
        const seen = await this.replay(client, idempotency.key, idempotency.requestHash);
        if (seen) {
          await client.query('COMMIT');
          return seen;
        }
      }
      checkExpected(appends, versions);
      await this.checkGuards(client, options.guards ?? []);
      let result: AppendResult;
      if (appends.some((a) => a.events.length > 0)) {
        const envelopes = envelopesFor(appends, versions, head);
        await insertEnvelopes(client, envelopes.rows, head, envelopes.json);
        result = envelopes.result;
      } else result = unchanged(appends, versions, head);
      if (idempotency) {
        await client.query('INSERT INTO ledger_idempotency (key, request_hash, result) VALUES ($1, $2, $3)', [
          idempotency.key,
          idempotency.requestHash,
          JSON.stringify(result),
        ]);
      }
      if (this.options.beforeCommit) await this.options.beforeCommit();
      await this.commit(client);
      this.remember(versions, result.lastPosition);
      this.appended.emit('append', result.lastPosition);
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /**
   * Appends with events and neither an idempotency key nor guards, written in one transaction:
   * each is checked against the versions the ones before it left, and refused alone (a
   * ConcurrencyError) without failing the others. Anything unexpected rolls the group back and
   * each is written alone instead, so every caller gets the answer it would have had by itself.
   */
  private async writeGroup(group: Queued<AppendRequest, AppendResult>[]): Promise<void> {
    let outcomes: ({ result: AppendResult } | { error: unknown })[];
    const rows: StoredEvent[] = [];
    const json: EventJson[] = [];
    let head: Head;
    let versions: Map<string, number>;
    const client = await this.pool.connect();
    try {
      const ids = [...new Set(group.flatMap((q) => q.request.appends.map((a) => a.streamId)))];
      ({ versions, head } = await this.begin(client, ids));
      outcomes = group.map(({ request }) => {
        try {
          checkExpected(request.appends, versions);
        } catch (error) {
          if (error instanceof ConcurrencyError) return { error };
          throw error;
        }
        const envelopes = envelopesFor(request.appends, versions, head);
        rows.push(...envelopes.rows);
        json.push(...envelopes.json);
        return { result: envelopes.result };
      });
      if (rows.length > 0) await insertEnvelopes(client, rows, head, json);
      if (this.options.beforeCommit) await this.options.beforeCommit();
    } catch {
      // Nothing of the group was committed: each is written alone, for its own answer.
      await client.query('ROLLBACK').catch(() => undefined);
      client.release();
      for (const q of group) await this.writeAlone(q.request).then(q.resolve, q.reject);
      return;
    }
    try {
      await this.commit(client);
    } catch (error) {
      // The commit's outcome is unknown: writing again could append twice. Each caller hears of
      // it as it would alone.
      client.release();
      for (const q of group) q.reject(error);
      return;
    }
    client.release();
    this.remember(versions, head.position);
    if (rows.length > 0) this.appended.emit('append', head.position);
    outcomes.forEach((o, i) => ('result' in o ? group[i].resolve(o.result) : group[i].reject(o.error)));
  }

  /**
   * BEGIN, the append lock, the log's head and the versions of `ids`: read, or (rememberVersions)
   * remembered for the streams this store wrote when nothing has been appended since its last
   * append. The head is read under the lock every writer takes, and every append moves it.
   */
  private async begin(
    client: PoolClient,
    ids: string[],
  ): Promise<{ versions: Map<string, number>; head: Head }> {
    const written = this.written;
    if (!written) return beginAppend(client, ids);
    const remembered = ids.filter((id) => written.versions.has(id));
    const begun = await beginAppend(
      client,
      ids.filter((id) => !written.versions.has(id)),
    );
    if (begun.head.position === written.head) {
      for (const id of remembered) begun.versions.set(id, written.versions.get(id)!);
      return begun;
    }
    // Another writer has appended since: what this store remembers may be behind. Those are read
    // too (the lock is held already).
    written.versions.clear();
    if (remembered.length > 0)
      for (const [id, version] of await readVersions(client, remembered)) begun.versions.set(id, version);
    return begun;
  }

  /** COMMIT; when its outcome is unknown, what this store remembers is forgotten. */
  private async commit(client: PoolClient): Promise<void> {
    try {
      await client.query('COMMIT');
    } catch (error) {
      if (this.written) this.written.head = -1;
      throw error;
    }
  }

  /** After a commit that left the head at `head`: the streams' versions, as the append left them. */
  private remember(versions: Map<string, number>, head: number): void {
    if (!this.written) return;
    for (const [id, version] of versions) if (version >= 0) this.written.versions.set(id, version);
    this.written.head = head;
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

  async readStream(streamId: string, fromVersion = 0): Promise<StoredEvent[]> {
    const result = await this.pool.query<EventRow>(
      `SELECT * FROM ledger_events WHERE stream_id = $1 AND stream_version >= $2 ORDER BY stream_version`,
      [streamId, fromVersion],
    );
    return result.rows.map((r) => this.read(r));
  }

  async readStreamSkipping(
    streamId: string,
    fromVersion: number,
    skipTypes: readonly string[],
  ): Promise<{ events: StoredEvent[]; version: number }> {
    // A prepared statement, planned once per connection: planning took 0.26–0.30 ms of each cold
    // read at 300,000 members. An organization's state events are read from their index alone —
    // where text sorts byte by byte, the one order in which that index's predicate holds for all
    // organization streams — when the read skips what that index leaves out (meetings).
    const organization = await this.readsOrganizationStates(isOrganizationStream(streamId), skipTypes);
    const result = await this.pool.query<EventRow & { version: number | null }>({
      ...streamReadSkipping(organization),
      values: [streamId, fromVersion, skipTypes],
    });
    const version = result.rows[0].version ?? -1;
    const events = result.rows.filter((r) => r.global_position !== null).map((r) => this.read(r));
    return { events, version };
  }

  async readStreamsSkipping(
    streamIds: readonly string[],
    skipTypes: readonly string[],
  ): Promise<Map<string, { events: StoredEvent[]; version: number }>> {
    const streams = new Map<string, { events: StoredEvent[]; version: number }>();
    // A stream named twice is read once (its rows would otherwise come twice, into one entry).
    const ids = [...new Set(streamIds)];
    if (ids.length === 0) return streams;
    // From the index of organization states when every stream is an organization's (readStreamSkipping).
    const organization = await this.readsOrganizationStates(ids.every(isOrganizationStream), skipTypes);
    const result = await this.pool.query<EventRow & { read_stream_id: string; version: number | null }>({
      ...streamsReadSkipping(organization),
      values: [ids, skipTypes],
    });
    for (const row of result.rows) {
      let stream = streams.get(row.read_stream_id);
      if (!stream) streams.set(row.read_stream_id, (stream = { events: [], version: row.version ?? -1 }));
      if (row.global_position !== null) stream.events.push(this.read(row));
    }
    return streams;
  }

  async recentStreams(streamPrefix: string, limit: number, skipTypes: readonly string[]): Promise<string[]> {
    // Organizations (skipping their meetings) from the index of organization states alone.
    const organization = await this.readsOrganizationStates(streamPrefix === ORGANIZATION_PREFIX, skipTypes);
    const result = await this.pool.query<{ stream_id: string }>({
      ...recentStreamsStatement(organization),
      values: [streamPrefix, limit, skipTypes],
    });
    return result.rows.map((r) => r.stream_id);
  }

  /**
   * Whether a read of organization streams only (`organizations`) skipping `skipTypes` may go to
   * the index of organization states: it skips what that index leaves out, and the index's
   * predicate holds for every organization stream here (sortsBytewise).
   */
  private async readsOrganizationStates(
    organizations: boolean,
    skipTypes: readonly string[],
  ): Promise<boolean> {
    return organizations && skipsWhatStatesLeaveOut(skipTypes) && (await this.sortsBytewise());
  }

  /**
   * Whether the database compares text byte by byte (the C collation, as the embedded PostgreSQL
   * and the tests use): under a language's collation 'organization-…' may sort after
   * 'organization.' (punctuation is weighed last), and the predicate would drop its events.
   */
  private sortsBytewise(): Promise<boolean> {
    this.bytewise ??= this.pool
      .query<{ bytewise: boolean }>(
        `SELECT datlocprovider = 'c' AND datcollate IN ('C', 'POSIX', 'C.UTF-8', 'C.utf8') AS bytewise
           FROM pg_database WHERE datname = current_database()`,
      )
      .then((r) => r.rows[0]?.bytewise === true)
      .catch(() => {
        // (A server older than 15 has no datlocprovider.) The read goes unscoped, which is
        // always correct; asked again next time.
        this.bytewise = undefined;
        return false;
      });
    return this.bytewise;
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

  waitForAppend(timeoutMs: number, heardBefore?: number): Promise<void> {
    if (heardBefore !== undefined && this.heard > heardBefore) return Promise.resolve();
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

  appendsHeard(): number {
    return this.heard;
  }

  /**
   * Calls `listener` with the last position of every append this store commits, until the
   * returned function is called (a live projector on another thread is woken by it).
   */
  onAppend(listener: (lastPosition: number) => void): () => void {
    this.appended.on('append', listener);
    return () => this.appended.off('append', listener);
  }

  /**
   * An append committed through another store on the same log (another thread's): wakes this
   * store's waitForAppend as its own appends do.
   */
  noticeAppend(lastPosition: number): void {
    this.appended.emit('append', lastPosition);
  }

  private read(row: EventRow): StoredEvent {
    const event = toStoredEvent(row);
    return this.options.upcast ? this.options.upcast(event) : event;
  }
}

interface AppendRequest {
  appends: StreamAppend[];
  options: AppendOptions;
}

/** Where the log ends, advanced in memory as envelopes are made under the lock. */
interface Head {
  position: number;
  hash: string;
  recordedAt: string;
}

/**
 * BEGIN, the append lock, the streams' current versions (-1 for none) and the head, in one round
 * trip (a simple-protocol query: the stream ids are quoted by the driver).
 */
interface LockRow {
  versions: Record<string, number>;
  head_position: string;
  head_hash: string;
  recorded_at: string;
}

const lockStatement = (client: PoolClient, ids: string[]) =>
  `SELECT * FROM ledger_lock_for_append(${APPEND_LOCK}, ARRAY[${ids.map((id) => client.escapeLiteral(id)).join(',')}]::text[])`;

const versionsOf = (ids: string[], row: LockRow) =>
  new Map(ids.map((id) => [id, Number(row.versions[id] ?? -1)]));

async function beginAppend(
  client: PoolClient,
  ids: string[],
): Promise<{ versions: Map<string, number>; head: Head }> {
  const results = (await client.query(
    `BEGIN; ${lockStatement(client, ids)}`,
  )) as unknown as QueryResult<LockRow>[];
  const row = results[1].rows[0];
  return {
    versions: versionsOf(ids, row),
    head: { position: Number(row.head_position), hash: row.head_hash, recordedAt: row.recorded_at },
  };
}

/** The versions of `ids`, in a transaction that holds the append lock already (taking it again is a no-op). */
async function readVersions(client: PoolClient, ids: string[]): Promise<Map<string, number>> {
  const result = await client.query<LockRow>(lockStatement(client, ids));
  return versionsOf(ids, result.rows[0]);
}

/** An append of no event (a decision that changed nothing, kept for its idempotency key): versions checked, nothing written. */
function unchanged(appends: StreamAppend[], versions: Map<string, number>, head: Head): AppendResult {
  return {
    streams: appends.map((a) => ({ streamId: a.streamId, version: versions.get(a.streamId)! })),
    firstPosition: head.position,
    lastPosition: head.position,
    replayed: false,
  };
}

function checkExpected(appends: StreamAppend[], current: Map<string, number>): void {
  for (const a of appends) {
    const actual = current.get(a.streamId)!;
    if (a.expectedVersion === 'any') continue;
    const expected = a.expectedVersion === 'no_stream' ? -1 : a.expectedVersion;
    if (actual !== expected) throw new ConcurrencyError(a.streamId, a.expectedVersion, actual);
  }
}

/**
 * The appends' envelopes, chained on from `head` (advanced), with their data and metadata as the
 * JSON hashed (`json`, row for row); `versions` advanced too.
 */
function envelopesFor(
  appends: StreamAppend[],
  versions: Map<string, number>,
  head: Head,
): { rows: StoredEvent[]; json: EventJson[]; result: AppendResult } {
  const rows: StoredEvent[] = [];
  const json: EventJson[] = [];
  const streams: AppendResult['streams'] = [];
  for (const a of appends) {
    let version = versions.get(a.streamId)!;
    for (const e of a.events) {
      head.position += 1;
      version += 1;
      const event = {
        globalPosition: head.position,
        streamId: a.streamId,
        streamVersion: version,
        eventId: e.eventId ?? newEventId(),
        type: e.type,
        schemaVersion: e.schemaVersion ?? 1,
        data: e.data,
        effectiveDate: e.effectiveDate,
        recordedAt: head.recordedAt,
        metadata: e.metadata ?? {},
      };
      const made = jsonOf(e);
      head.hash = chainHash(head.hash, event, made.data, made.metadata);
      rows.push({ ...event, hash: head.hash });
      json.push(made);
    }
    versions.set(a.streamId, version);
    streams.push({ streamId: a.streamId, version });
  }
  return {
    rows,
    json,
    result: {
      streams,
      firstPosition: rows[0]?.globalPosition ?? head.position,
      lastPosition: head.position,
      replayed: false,
    },
  };
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
