import { Pool } from 'pg';
import { EventStore } from '@ledger/event-store';
import { lockCheckpoint, ProjectionRunner } from './projection-runner';
import { LedgerProjector } from './read-models/ledger-projector';
import { readModelTables } from './read-models/tables';

const SHADOW = 'rb_';
const LIVE = 'ledger';
const REBUILD = 'ledger-rebuild';
const SWAP_LOCK_TIMEOUT_MS = 500;
const SWAP_ATTEMPTS = 50;
const LOCK_NOT_AVAILABLE = '55P03';
const DEADLOCK = '40P01';

export interface RebuildResult {
  position: number;
  seconds: number;
}

/**
 * Replays the whole log into fresh tables while the live ones keep serving, then swaps them in
 * one short transaction: the live tables are locked (queries wait, none fails or sees a
 * half-built answer), the events that arrived meanwhile are applied to the new tables, the names
 * are swapped and the live checkpoint moves to where the rebuild ended.
 */
export async function rebuildReadModels(
  pool: Pool,
  store: EventStore,
  options: {
    batchSize?: number;
    onProgress?: (position: number, head: number) => void;
    /** Called when the log has been replayed and the remaining indexes are being built. */
    onIndexing?: () => void;
  } = {},
): Promise<RebuildResult> {
  const started = Date.now();
  const live = Object.values(readModelTables());
  const shadow = Object.values(readModelTables(SHADOW));
  // The shadow tables start with only the indexes the projector reads by while it fills them
  // (each entity's current rows); the others are built once the tables are full, which sorts each
  // index once instead of maintaining it row by row through millions of inserts.
  const deferred: string[] = [];
  for (const [i, table] of shadow.entries()) {
    await pool.query(`DROP TABLE IF EXISTS ${table}`);
    await pool.query(`CREATE TABLE ${table} (LIKE ${live[i]} INCLUDING ALL EXCLUDING INDEXES)`);
    for (const index of await indexesOf(pool, live[i], table))
      if (index.current) await pool.query(index.create);
      else deferred.push(index.create);
  }
  await pool.query('DELETE FROM projection_checkpoints WHERE name = $1', [REBUILD]);
  const projector = new LedgerProjector(SHADOW, REBUILD);
  await new ProjectionRunner(pool, store, projector, {
    // 2,000 events a batch. Larger ones were faster at 30,000 members (6,000: 22,300 events/s
    // against 19,000) but at 300,000 a 5,000-event batch took the catch-up from 10,654 to 4,455
    // events/s: what a batch holds outlives the young generation, and collecting the old one
    // costs in proportion to the kept rows of 450,000 streams.
    batchSize: options.batchSize ?? 2000,
    // Nothing reads the shadow tables before the swap, and a crash means starting the rebuild
    // over: waiting for each batch's commit to reach the disk would buy nothing.
    synchronousCommit: false,
    pipeline: true,
  }).catchUp(options.onProgress);

  options.onIndexing?.();
  for (const create of deferred) await pool.query(create);
  // Fresh tables have no statistics yet (the planner would guess until autovacuum came by), and no
  // visibility map: until a vacuum sets it, an index-only scan (counts) visits the heap for every row.
  for (const table of shadow) await pool.query(`VACUUM (ANALYZE) ${table}`);

  let position: number;
  for (let attempt = 1; ; attempt++) {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      // Readers lock these tables in other orders; waiting for them could deadlock one of them.
      // The swap gives up quickly instead (shorter than deadlock_timeout) and tries again.
      await client.query(`SET LOCAL lock_timeout = '${SWAP_LOCK_TIMEOUT_MS}ms'`);
      await lockCheckpoint(client, LIVE);
      await client.query(`LOCK TABLE ${live.join(', ')} IN ACCESS EXCLUSIVE MODE`);
      position = await lockCheckpoint(client, REBUILD);
      for (;;) {
        const batch = await store.readAll(position, 1000);
        if (batch.length === 0) break;
        await projector.apply(client, batch);
        position = batch[batch.length - 1].globalPosition;
      }
      for (const [i, table] of live.entries()) {
        await client.query(`ALTER TABLE ${table} RENAME TO ${table}_old`);
        await client.query(`ALTER TABLE ${shadow[i]} RENAME TO ${table}`);
      }
      await client.query(
        'UPDATE projection_checkpoints SET position = $2, updated_at = now() WHERE name = $1',
        [LIVE, position],
      );
      await client.query('DELETE FROM projection_checkpoints WHERE name = $1', [REBUILD]);
      await client.query('COMMIT');
      break;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      const code = (error as { code?: string }).code;
      if (!(code === LOCK_NOT_AVAILABLE || code === DEADLOCK) || attempt >= SWAP_ATTEMPTS) throw error;
      await new Promise((r) => setTimeout(r, 50 * attempt));
    } finally {
      client.release();
    }
  }
  for (const table of live) await pool.query(`DROP TABLE ${table}_old`);
  return { position, seconds: (Date.now() - started) / 1000 };
}

/**
 * The live table's indexes as statements creating the same on the shadow table (under names
 * PostgreSQL generates, as `LIKE ... INCLUDING ALL` would). `current`: an index on the entity's
 * current rows only (`WHERE known_to = 'infinity'`), which the projector reads by.
 */
async function indexesOf(
  pool: Pool,
  live: string,
  shadow: string,
): Promise<{ create: string; current: boolean }[]> {
  const found = await pool.query<{ indexdef: string }>(
    `SELECT indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename = $1 ORDER BY indexname`,
    [live],
  );
  return found.rows.map(({ indexdef }) => {
    const create = indexdef.replace(/^CREATE (UNIQUE )?INDEX \S+ ON \S+ /, `CREATE $1INDEX ON ${shadow} `);
    if (create === indexdef) throw new Error(`rebuild: cannot read the index definition ${indexdef}`);
    return { create, current: /WHERE \(known_to = 'infinity'::timestamp with time zone\)$/.test(indexdef) };
  });
}
