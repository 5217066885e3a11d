import { PoolClient } from 'pg';

export type Cell = string | number | null;

/**
 * Makes `rows` the current rows of one entity in a bitemporal table, as of `recordedAt`: when
 * they differ from the current ones, those are closed (known_to = recordedAt) and the new ones
 * start there. Unchanged rows are left alone, so history only grows where the answer changed.
 */
export async function replaceRows(
  client: PoolClient,
  table: string,
  idColumn: string,
  id: string,
  columns: string[],
  rows: Cell[][],
  recordedAt: string,
): Promise<boolean> {
  const existing = await client.query(
    `SELECT ${columns.map((c) => `${c}::text AS ${c}`).join(', ')} FROM ${table} WHERE ${idColumn} = $1 AND known_to = 'infinity'`,
    [id],
  );
  const key = (values: unknown[]) =>
    JSON.stringify(values.map((v) => (v === null || v === undefined ? null : String(v))));
  const before = existing.rows.map((r) => key(columns.map((c) => r[c]))).sort();
  const after = rows.map(key).sort();
  if (before.length === after.length && before.every((k, i) => k === after[i])) return false;
  // Rows written at this same instant (an append split across two batches) never held for any
  // knownAt: remove them rather than leave an empty [R, R) interval, so that a rebuild and an
  // incremental build produce the same rows.
  const current = `${idColumn} = $1 AND known_to = 'infinity'`;
  await client.query(`DELETE FROM ${table} WHERE ${current} AND known_from = $2`, [id, recordedAt]);
  await client.query(`UPDATE ${table} SET known_to = $2 WHERE ${current}`, [id, recordedAt]);
  if (rows.length === 0) return true;
  const width = columns.length + 2;
  const values = rows.map(
    (_, r) => `(${Array.from({ length: width }, (__, c) => `$${r * width + c + 1}`).join(', ')})`,
  );
  await client.query(
    `INSERT INTO ${table} (${idColumn}, ${columns.join(', ')}, known_from) VALUES ${values.join(', ')}`,
    rows.flatMap((row) => [id, ...row, recordedAt]),
  );
  return true;
}
