import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { Pool, PoolClient } from 'pg';
import { OrgRow } from './closure';
import {
  closuresAfter,
  Cell,
  EntityTables,
  entityId,
  orgTimelineOf,
  Specs,
  tableSpecs,
  writeStream,
} from './entity-rows';
import { copyVersions } from './row-versions';
import { fromEvents, LoadedEvent, pushKept, StreamState } from './stream-cache';
import { ReadModelTables } from './tables';
import { Segment } from './timeline';
import { VersionedRows } from './versioned-rows';

/** Events fetched at a time (the last stream of a page is carried over to the next one). */
const PAGE_SIZE = 20_000;
/** Memory for sorting a part's events before it spills to temporary files (openLog). */
const SORT_MEMORY = '256MB';
/** Row versions held before they are written. */
const FLUSH = 40_000;

interface ReplayedEvent extends LoadedEvent {
  recordedAt: string;
}

/** An organization's timeline as it became known at `at` (a change in the tree). */
export interface TreeChange {
  at: string;
  id: string;
  rows: Cell[][];
}

/** Where the replay runs its parts (see replayStreams). */
export type ReplayParts = { thread: string } | 'inline';

export interface ReplayOptions {
  onProgress?: (events: number, total: number) => void;
  /** Events read a query (tests set it low). */
  pageSize?: number;
  /**
   * The streams split in two halves of the log at a stream id: the second half replayed on a
   * worker thread with connections of its own to the database `thread` names, beside the first
   * half on this one (two cores), or after it ('inline': tests, where no thread can load the
   * sources). Without it, one part.
   */
  parts?: ReplayParts;
}

/** A part of the replay: the streams with `from <= stream_id < to` (either end open). */
export interface StreamRange {
  from?: string;
  to?: string;
}

/** What a part leaves for the closure, computed once every part is done. */
export interface PartResult {
  events: number;
  treeChanges: TreeChange[];
}

/**
 * Fills empty read-model tables from the log up to position `upTo`, stream by stream instead of
 * in log order. Each table's rows of an entity depend on that entity's stream alone (the closure
 * aside), so a stream's versions are those the live projector writes: its events are grouped by
 * recording instant, and at each instant its rows are computed by the same rules (writeStream)
 * and compared with the rows before. A stream is read, replayed, written and forgotten, so
 * memory holds one page of the log, not every stream's rows; the versions are inserted in bulk
 * on a second connection while the next page is read and replayed. Streams being independent,
 * two parts of them can be replayed side by side (`parts`). The closure, which depends on the
 * whole tree, is computed last from the organizations' timeline changes in recording order, as
 * the live projector computes it after each instant that moved an organization.
 * Returns the number of events replayed.
 */
export async function replayStreams(
  pool: Pool,
  t: ReadModelTables,
  upTo: number,
  options: ReplayOptions = {},
): Promise<number> {
  const boundary = options.parts ? await middleStream(pool, upTo) : undefined;
  const ranges: StreamRange[] = boundary === undefined ? [{}] : [{ to: boundary }, { from: boundary }];
  const done = ranges.map(() => 0);
  const progress = (part: number) => (events: number) => {
    done[part] = events;
    options.onProgress?.(
      done.reduce((a, b) => a + b, 0),
      upTo,
    );
  };
  const run = (part: number, signal?: AbortSignal) =>
    replayRange(pool, t, upTo, ranges[part], progress(part), options.pageSize, signal);
  let results: PartResult[];
  if (ranges.length === 1) results = [await run(0)];
  else if (options.parts === 'inline') results = [await run(0), await run(1)];
  else {
    // A part that fails stops the other (at its next page; the thread at once), and its error is
    // reported once both have stopped: no part goes on writing after the rebuild has failed.
    const stop = new AbortController();
    const { thread } = options.parts as { thread: string };
    const parts = [
      run(0, stop.signal),
      replayOnThread(thread, t, upTo, ranges[1], progress(1), options.pageSize, stop.signal),
    ].map((p) => p.catch((error: unknown) => (stop.abort(error), Promise.reject(error))));
    const settled = await Promise.allSettled(parts);
    if (stop.signal.aborted) throw stop.signal.reason;
    results = settled.map((s) => (s as PromiseFulfilledResult<PartResult>).value);
  }
  const closure = new VersionedRows();
  closures(
    closure,
    results.flatMap((r) => r.treeChanges),
  );
  for (const id of closure.ids()) closure.finish(id);
  const writer = await pool.connect();
  try {
    await copyVersions(writer, tableSpecs(t).orgClosure, closure.take());
  } finally {
    writer.release();
  }
  return results.reduce((n, r) => n + r.events, 0);
}

/**
 * The stream id that halves the log's events up to `upTo` (estimated from a sample of about
 * 200,000 events), or undefined when the log is empty.
 */
async function middleStream(pool: Pool, upTo: number): Promise<string | undefined> {
  const percent = Math.min(100, (100 * 200_000) / Math.max(1, upTo));
  const found = await pool.query<{ middle: string | null }>(
    `SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY stream_id) AS middle
       FROM ledger_events TABLESAMPLE SYSTEM (${percent}) WHERE global_position <= $1`,
    [upTo],
  );
  return found.rows[0].middle ?? undefined;
}

/** The streams of `range` replayed and written (the closure left to replayStreams). */
export async function replayRange(
  pool: Pool,
  t: ReadModelTables,
  upTo: number,
  range: StreamRange,
  onProgress?: (events: number) => void,
  pageSize = PAGE_SIZE,
  signal?: AbortSignal,
): Promise<PartResult> {
  const specs = tableSpecs(t);
  const tables = Object.fromEntries(
    Object.keys(specs).map((k) => [k, new VersionedRows()]),
  ) as EntityTables<VersionedRows>;
  const treeChanges: TreeChange[] = [];
  const reader = await pool.connect();
  const writer = await pool.connect().catch((error: unknown) => {
    reader.release();
    throw error;
  });
  let writing: Promise<void> = Promise.resolve();
  try {
    // Nothing reads these tables until the rebuild swaps them in; a crash starts it over.
    await writer.query('SET synchronous_commit = off');
    await openLog(reader, range, upTo);
    let done = 0;
    let carried: ReplayedEvent[] = [];
    let next: Promise<ReplayedEvent[]> | undefined = fetchPage(reader, pageSize);
    while (next) {
      signal?.throwIfAborted();
      const page: ReplayedEvent[] = await next;
      const full: boolean = page.length === pageSize;
      // The next page is fetched while this one is replayed.
      next = full ? fetchPage(reader, pageSize) : undefined;
      next?.catch(() => undefined);
      const events = carried.concat(page);
      // The page's last stream may go on in the next page: it waits for it.
      let end = events.length;
      if (full) while (end > 0 && events[end - 1].streamId === events[events.length - 1].streamId) end--;
      carried = events.slice(end);
      for (let i = 0; i < end;) {
        let j = i + 1;
        while (j < end && events[j].streamId === events[i].streamId) j++;
        replayStream(tables, events.slice(i, j), treeChanges);
        i = j;
      }
      done += end;
      if (pending(tables) >= FLUSH || !next) {
        const out = takeAll(tables);
        await writing;
        writing = write(writer, specs, out);
        writing.catch(() => undefined);
      }
      onProgress?.(done);
    }
    if (carried.length > 0) throw new Error('replayStreams: a stream was left unread at the end of the log');
    await writing;
    return { events: done, treeChanges };
  } finally {
    await writing.catch(() => undefined);
    await writer.query('RESET synchronous_commit').catch(() => undefined);
    // Ends the cursor's transaction (a failed one too) before the connection goes back to the pool;
    // a connection that cannot end it is closed instead.
    const ended = await reader.query('ROLLBACK').then(
      () => undefined,
      (error: Error) => error,
    );
    reader.release(ended);
    writer.release();
  }
}

/** replayRange on a worker thread (stream-replay.worker.js) with a pool of its own. */
function replayOnThread(
  databaseUrl: string,
  t: ReadModelTables,
  upTo: number,
  range: StreamRange,
  onProgress: (events: number) => void,
  pageSize: number | undefined,
  signal: AbortSignal,
): Promise<PartResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(join(__dirname, 'stream-replay.worker.js'), {
      workerData: { databaseUrl, tables: t, upTo, range, pageSize } satisfies ReplayWork,
    });
    // Its connections close with the thread; what it wrote stays in tables the rebuild drops.
    signal.addEventListener('abort', () => void worker.terminate(), { once: true });
    let result: PartResult | undefined;
    worker.on('message', (m: ReplayMessage) => {
      if ('progress' in m) onProgress(m.progress);
      else if ('result' in m) result = m.result;
      else reject(Object.assign(new Error(m.error.message), { stack: m.error.stack }));
    });
    worker.on('error', reject);
    worker.on('exit', (code) =>
      result
        ? resolve(result)
        : reject(new Error(`the replay thread exited (code ${code}) without its result`)),
    );
  });
}

/** What the worker thread is given, and what it sends back. */
export interface ReplayWork {
  databaseUrl: string;
  tables: ReadModelTables;
  upTo: number;
  range: StreamRange;
  pageSize?: number;
}
export type ReplayMessage =
  { progress: number } | { result: PartResult } | { error: { message: string; stack?: string } };

/** One stream's events in log order, replayed instant by instant; its rows are then finished. */
function replayStream(
  tables: EntityTables<VersionedRows>,
  events: ReplayedEvent[],
  treeChanges: TreeChange[],
): void {
  const streamId = events[0].streamId;
  const id = entityId(streamId);
  let state: StreamState | undefined;
  for (let i = 0; i < events.length;) {
    let j = i + 1;
    while (j < events.length && events[j].recordedAt === events[i].recordedAt) j++;
    const at = events[i].recordedAt;
    const group = events.slice(i, j);
    if (!state) state = fromEvents(streamId, events.slice(0, j));
    else if (!pushKept(state, group)) {
      // As the live projector's stream cache: the rows from all the events so far, kept from then on.
      const all = state.events ?? events.slice(0, j);
      Object.assign(state, fromEvents(streamId, all), { events: all });
    }
    if (writeStream(tables, streamId, state, at))
      treeChanges.push({ at, id, rows: tables.orgTimeline.rowsOf(id) });
    i = j;
  }
  for (const [name, table] of Object.entries(tables)) if (name !== 'orgClosure') table.finish(id);
}

/**
 * The closure rows over the log: after each instant at which organizations' timelines changed,
 * those organizations and every one below them get their closure anew (LedgerProjector.closures).
 */
function closures(closure: VersionedRows, changes: TreeChange[]): void {
  // Stable: changes at one instant keep their order.
  const ordered = [...changes].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  const timelines = new Map<string, Segment<OrgRow>[]>();
  for (let i = 0; i < ordered.length;) {
    let j = i + 1;
    while (j < ordered.length && ordered[j].at === ordered[i].at) j++;
    const at = ordered[i].at;
    const changed = new Set<string>();
    for (const c of ordered.slice(i, j)) {
      timelines.set(c.id, orgTimelineOf(c.rows));
      changed.add(c.id);
    }
    closuresAfter(closure, timelines.keys(), timelines, changed, at);
    i = j;
  }
}

/**
 * Opens a cursor over the range's events up to `upTo`, in stream order, on `client` (in a
 * transaction of its own, ended by the caller). The rows are read by one sequential scan of the
 * log and sorted (spilling to temporary files), not by walking the (stream_id, stream_version)
 * index: a member's events lie across the whole log, so the index walk reads about one heap page
 * per event, out of order. Measured on the 300,000-member log, one half of it (3.6 million
 * events): the index walk cost PostgreSQL 47.5 s of CPU and 54 s in all, the scan and sort 22.5 s
 * and 33 s. No parallel workers: the rebuild's two parts already keep both cores busy.
 */
async function openLog(client: PoolClient, range: StreamRange, upTo: number): Promise<void> {
  await client.query('BEGIN READ ONLY');
  await client.query(`SET LOCAL work_mem = '${SORT_MEMORY}'`);
  await client.query('SET LOCAL enable_indexscan = off');
  await client.query('SET LOCAL enable_bitmapscan = off');
  await client.query('SET LOCAL max_parallel_workers_per_gather = 0');
  await client.query(
    `DECLARE replay NO SCROLL CURSOR FOR
     SELECT stream_id, event_id, global_position, type, data, effective_date::text AS effective_date,
            -- As StoredEvent.recordedAt has it (Date.toISOString), without parsing a Date a row.
            to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS recorded_at
       FROM ledger_events
      WHERE global_position <= $1
        AND ($2::text IS NULL OR stream_id >= $2) AND ($3::text IS NULL OR stream_id < $3)
      ORDER BY stream_id, stream_version`,
    [upTo, range.from ?? null, range.to ?? null],
  );
}

/** The next `limit` events of the cursor openLog opened (fewer at its end). */
async function fetchPage(client: PoolClient, limit: number): Promise<ReplayedEvent[]> {
  const result = await client.query<{
    stream_id: string;
    event_id: string;
    global_position: string;
    type: string;
    data: Record<string, unknown>;
    effective_date: string;
    recorded_at: string;
  }>(`FETCH ${Math.floor(limit)} FROM replay`);
  return result.rows.map((r) => ({
    streamId: r.stream_id,
    eventId: r.event_id,
    globalPosition: Number(r.global_position),
    type: r.type,
    data: r.data,
    effectiveDate: r.effective_date,
    recordedAt: r.recorded_at,
  }));
}

const pending = (tables: EntityTables<VersionedRows>): number =>
  Object.values(tables).reduce((n, t) => n + t.pending, 0);

const takeAll = (tables: EntityTables<VersionedRows>): Map<keyof Specs, Cell[][]> =>
  new Map(Object.entries(tables).map(([k, t]) => [k as keyof Specs, t.take()]));

async function write(client: PoolClient, specs: Specs, out: Map<keyof Specs, Cell[][]>): Promise<void> {
  for (const [k, rows] of out) await copyVersions(client, specs[k], rows);
}
