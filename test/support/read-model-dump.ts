import { Pool } from 'pg';
import { readModelTables } from '../../libs/projections/src/read-models/tables';

/** Every row of every read-model table, as text, sorted: two builds of the same log must dump the same. */
export async function dumpReadModels(pool: Pool): Promise<Record<string, string[]>> {
  const dump: Record<string, string[]> = {};
  for (const table of Object.values(readModelTables())) {
    const rows = await pool.query(`SELECT row_to_json(t)::text AS row FROM ${table} t`);
    dump[table] = rows.rows.map((r) => r.row as string).sort();
  }
  return dump;
}
