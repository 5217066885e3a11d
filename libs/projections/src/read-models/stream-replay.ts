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
import { insertVersions } from './row-versions';
import { fromEvents, LoadedEvent, pushKept, StreamState } from './stream-cache';
import { ReadModelTables } from './tables';
import { Segment } from './timeline';
import { VersionedRows } from './versioned-rows';

/** Events read a query (the last stream of a page is carried over to the next one). */
const PAGE_SIZE = 20_000;
/** Row versions held before they are written. */
const FLUSH = 40_000;

interface ReplayedEvent extends LoadedEvent {
  streamVersion: number;
  recordedAt: string;
}

/** An organization's timeline as it became known at `at` (a change in the tree). */
interface TreeChange {
  at: string;
  id: string;
  rows: Cell[][];
}

/**
 * Fills empty read-model tables from the log up to position `upTo`, stream by stream instead of
 * in log order. Each table's rows of an entity depend on that entity's stream alone (the closure
 * aside), so a stream's versions are those the live projector writes: its events are grouped by
 * recording instant, and at each instant its rows are computed by the same rules (writeStream)
 * and compared with the rows before. A stream is read, replayed, written and forgotten, so
 * memory holds one page of the log, not every stream's rows; the versions are inserted in bulk
 * on a second connection while the next page is read and replayed. The closure, which depends on
 * the whole tree, is computed last from the organizations' timeline changes in recording order,
 * as the live projector computes it after each instant that moved an organization.
 * Returns the number of events replayed.
 */
export async function replayStreams(
  pool: Pool,
  t: ReadModelTables,
  upTo: number,
  onProgress?: (events: number, total: number) => void,
  pageSize = PAGE_SIZE,
): Promise<number> {
  const specs = tableSpecs(t);
  const tables = Object.fromEntries(
    Object.keys(specs).map((k) => [k, new VersionedRows()]),
  ) as EntityTables<VersionedRows>;
  const treeChanges: TreeChange[] = [];
  const reader = await pool.connect();
  const writer = await pool.connect();
  let writing: Promise<void> = Promise.resolve();
  try {
    // Nothing reads these tables until the rebuild swaps them in; a crash starts it over.
    await writer.query('SET synchronous_commit = off');
    let done = 0;
    let after: [string, number] = ['', -1];
    let carried: ReplayedEvent[] = [];
    let next: Promise<ReplayedEvent[]> | undefined = readPage(reader, after, upTo, pageSize);
    while (next) {
      const page: ReplayedEvent[] = await next;
      const full: boolean = page.length === pageSize;
      if (full) {
        const last = page[page.length - 1];
        after = [last.streamId, last.streamVersion];
      }
      // The next page is read while this one is replayed.
      next = full ? readPage(reader, after, upTo, pageSize) : undefined;
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
      onProgress?.(done, upTo);
    }
    if (carried.length > 0) throw new Error('replayStreams: a stream was left unread at the end of the log');
    closures(tables.orgClosure, treeChanges);
    for (const id of tables.orgClosure.ids()) tables.orgClosure.finish(id);
    await writing;
    await write(writer, specs, takeAll(tables));
    return done;
  } finally {
    await writing.catch(() => undefined);
    await writer.query('RESET synchronous_commit').catch(() => undefined);
    reader.release();
    writer.release();
  }
}

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

async function readPage(
  client: PoolClient,
  after: [string, number],
  upTo: number,
  limit: number,
): Promise<ReplayedEvent[]> {
  // The row comparison walks the (stream_id, stream_version) index from where the last page ended.
  const result = await client.query<{
    stream_id: string;
    stream_version: number;
    event_id: string;
    global_position: string;
    type: string;
    data: Record<string, unknown>;
    effective_date: string;
    recorded_at: string;
  }>(
    `SELECT stream_id, stream_version, event_id, global_position, type, data, effective_date::text AS effective_date,
            -- As StoredEvent.recordedAt has it (Date.toISOString), without parsing a Date a row.
            to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS recorded_at
       FROM ledger_events
      WHERE (stream_id, stream_version) > ($1, $2) AND global_position <= $3
      ORDER BY stream_id, stream_version
      LIMIT $4`,
    [after[0], after[1], upTo, limit],
  );
  return result.rows.map((r) => ({
    streamId: r.stream_id,
    streamVersion: r.stream_version,
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
  for (const [k, rows] of out) await insertVersions(client, specs[k], rows);
}
