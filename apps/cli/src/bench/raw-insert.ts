import { Pool } from 'pg';
import { organizationStatesIndex } from '@ledger/event-store';

/**
 * The ceiling: the log's events inserted by plain multi-row INSERTs (1,000 rows a statement) into
 * a table of the same shape and indexes, with no lock, no hash and no checks. Only the INSERTs are
 * timed; reading the events back is not. As in the import, the index of organization states is
 * built once the rows are in (timed too), not maintained row by row.
 */
export async function rawInsertEventsPerSec(pool: Pool, onProgress: (done: number) => void): Promise<number> {
  await pool.query('DROP TABLE IF EXISTS bench_raw_events');
  await pool.query('CREATE TABLE bench_raw_events (LIKE ledger_events INCLUDING ALL)');
  const copied = await pool.query<{ indexname: string }>(
    `SELECT indexname FROM pg_indexes WHERE tablename = 'bench_raw_events' AND indexdef LIKE '%organization-%'`,
  );
  for (const { indexname } of copied.rows) await pool.query(`DROP INDEX ${indexname}`);
  const columns = [
    'global_position',
    'stream_id',
    'stream_version',
    'event_id',
    'type',
    'schema_version',
    'data',
    'effective_date',
    'recorded_at',
    'metadata',
    'hash',
  ];
  let after = 0;
  let inserted = 0;
  let ms = 0;
  for (;;) {
    const chunk = await pool.query(
      `SELECT ${columns.join(', ')} FROM ledger_events WHERE global_position > $1 ORDER BY global_position LIMIT 20000`,
      [after],
    );
    if (chunk.rows.length === 0) break;
    after = Number(chunk.rows[chunk.rows.length - 1].global_position);
    const started = process.hrtime.bigint();
    for (let i = 0; i < chunk.rows.length; i += 1000) {
      const rows = chunk.rows.slice(i, i + 1000);
      const values = rows.map(
        (_, r) => `(${columns.map((__, c) => `$${r * columns.length + c + 1}`).join(', ')})`,
      );
      await pool.query(
        `INSERT INTO bench_raw_events (${columns.join(', ')}) VALUES ${values.join(', ')}`,
        rows.flatMap((row) =>
          columns.map((c) => (c === 'data' || c === 'metadata' ? JSON.stringify(row[c]) : row[c])),
        ),
      );
    }
    ms += Number(process.hrtime.bigint() - started) / 1e6;
    inserted += chunk.rows.length;
    onProgress(inserted);
  }
  const started = process.hrtime.bigint();
  await pool.query(organizationStatesIndex('bench_raw_events', 'bench_raw_events_organization_states'));
  ms += Number(process.hrtime.bigint() - started) / 1e6;
  await pool.query('DROP TABLE bench_raw_events');
  return inserted / (ms / 1000);
}
