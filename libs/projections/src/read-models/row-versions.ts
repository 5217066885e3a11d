import { PoolClient } from 'pg';

export type Cell = string | number | null;

export interface TableSpec {
  table: string;
  idColumn: string;
  /** Columns besides the id and the known_from/known_to pair, with their PostgreSQL types. */
  columns: [name: string, type: string][];
}

const key = (row: readonly Cell[]) =>
  JSON.stringify(row.map((v) => (v === null || v === undefined ? null : String(v))));
const sameRows = (a: readonly Cell[][], b: readonly Cell[][]) => {
  if (a.length !== b.length) return false;
  const x = a.map(key).sort();
  const y = b.map(key).sort();
  return x.every((k, i) => k === y[i]);
};

/**
 * The rows of one bitemporal table for the entities a batch touches, kept in memory while the
 * batch is applied and written in three statements at the end. For each entity it keeps the
 * rows current in the database and each new version with the instant it became known; a version
 * equal to the one before it is not a version. Flushing closes the database's current rows at
 * the first new version (deleting those that started at that very instant: they never held),
 * and inserts every version with its known range. This is exactly what writing each version as
 * it came would have produced, in a few round trips per batch instead of several per stream.
 */
export class RowVersions {
  private readonly current = new Map<string, Cell[][]>();
  private readonly versions = new Map<string, { knownFrom: string; rows: Cell[][] }[]>();

  constructor(readonly spec: TableSpec) {}

  /** Loads the rows current in the database for these entities (once per batch, before `set`). */
  async load(client: PoolClient, ids: readonly string[]): Promise<void> {
    const missing = ids.filter((id) => !this.current.has(id));
    if (missing.length === 0) return;
    for (const id of missing) this.current.set(id, []);
    const cols = this.spec.columns.map(([c]) => `${c}::text AS ${c}`).join(', ');
    const result = await client.query(
      `SELECT ${this.spec.idColumn} AS id, ${cols} FROM ${this.spec.table}
        WHERE ${this.spec.idColumn} = ANY($1) AND known_to = 'infinity'`,
      [missing],
    );
    for (const r of result.rows) this.current.get(r.id)!.push(this.spec.columns.map(([c]) => r[c]));
  }

  /** The rows as they stand now (after versions set in this batch). */
  rowsOf(id: string): Cell[][] {
    const list = this.versions.get(id);
    return list && list.length > 0 ? list[list.length - 1].rows : (this.current.get(id) ?? []);
  }

  /** The entity's rows as known from `knownFrom`; returns whether they changed. */
  set(id: string, rows: Cell[][], knownFrom: string): boolean {
    const normalized = rows.map((r) => r.map((v) => (v === null || v === undefined ? null : String(v))));
    if (sameRows(this.rowsOf(id), normalized)) return false;
    const list = this.versions.get(id) ?? [];
    if (list.length > 0 && list[list.length - 1].knownFrom === knownFrom) list.pop();
    list.push({ knownFrom, rows: normalized });
    this.versions.set(id, list);
    return true;
  }

  async flush(client: PoolClient): Promise<void> {
    const changed = [...this.versions.entries()].filter(([, list]) => list.length > 0);
    if (changed.length === 0) return;
    const ids = changed.map(([id]) => id);
    const firsts = changed.map(([, list]) => list[0].knownFrom);
    const { table, idColumn, columns } = this.spec;
    const pairs = `unnest($1::text[], $2::timestamptz[]) AS v(id, at)`;
    await client.query(
      `DELETE FROM ${table} t USING ${pairs}
        WHERE t.${idColumn} = v.id AND t.known_to = 'infinity' AND t.known_from = v.at`,
      [ids, firsts],
    );
    await client.query(
      `UPDATE ${table} t SET known_to = v.at FROM ${pairs} WHERE t.${idColumn} = v.id AND t.known_to = 'infinity'`,
      [ids, firsts],
    );
    const out: Cell[][] = [];
    for (const [id, list] of changed)
      list.forEach((v, i) => {
        const knownTo = list[i + 1]?.knownFrom ?? 'infinity';
        for (const row of v.rows) out.push([id, ...row, v.knownFrom, knownTo]);
      });
    if (out.length === 0) return;
    const types = ['text', ...columns.map(([, t]) => t), 'timestamptz', 'timestamptz'];
    const names = [idColumn, ...columns.map(([c]) => c), 'known_from', 'known_to'];
    await client.query(
      `INSERT INTO ${table} (${names.join(', ')})
       SELECT * FROM unnest(${types.map((t, i) => `$${i + 1}::${t}[]`).join(', ')})`,
      types.map((_, i) => out.map((row) => row[i])),
    );
  }
}
