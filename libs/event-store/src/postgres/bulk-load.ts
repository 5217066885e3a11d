import { Pool } from 'pg';

export const ORGANIZATION_STATES = 'ledger_events_organization_states';

/**
 * Event types the index of organization states leaves out: those organization decisions skip
 * (the domain's organizationStateNeutralTypes). A cell's stream is mostly its monthly meetings.
 * Not empty (IN_ORGANIZATION_STATES joins it into SQL), and fixed by IndexOrganizationStates1732300000006:
 * a change to it needs a migration that builds the index again.
 */
export const OUT_OF_ORGANIZATION_STATES: readonly string[] = ['MeetingHeld'];

/** The predicate of organization streams; a query that states it too may use their index in a generic plan. */
export const IN_ORGANIZATION_STREAMS = `stream_id >= 'organization-' AND stream_id < 'organization.'`;

/** The index's predicate (IndexOrganizationStates1732300000006): organization events but the ones left out. */
export const IN_ORGANIZATION_STATES = `${IN_ORGANIZATION_STREAMS} AND ${OUT_OF_ORGANIZATION_STATES.map(
  (t) => `type <> '${t}'`,
).join(' AND ')}`;

/**
 * The index that keeps the events an organization's decisions fold together, whole (see
 * IndexOrganizationStates1732300000006), as a statement for `table` (the log, or a copy of it).
 */
export const organizationStatesIndex = (table = 'ledger_events', name = ORGANIZATION_STATES): string =>
  `CREATE INDEX IF NOT EXISTS ${name} ON ${table} (stream_id, stream_version)
     INCLUDE (global_position, event_id, type, schema_version, data, effective_date, recorded_at, metadata, hash)
     WHERE ${IN_ORGANIZATION_STATES}`;

/** The prefix of every organization's stream id. */
export const ORGANIZATION_PREFIX = 'organization-';

/** Whether a stream is an organization's (its events, but the ones left out, are in the index of organization states). */
export const isOrganizationStream = (streamId: string): boolean => streamId.startsWith(ORGANIZATION_PREFIX);

/**
 * Readies the log for a bulk load (`generate`, the benchmark): the index of organization states
 * goes until `afterBulkLoad`. Maintained insert by insert, its forerunner (which held meetings
 * too) took the benchmark's import at 300,000 members from 9,994 to 5,797 events/s (its entries
 * land on random pages, each written whole to the WAL after every checkpoint); built once at the
 * end it costs seconds. Reads stay correct meanwhile, only organization streams are read from the heap.
 */
export async function beforeBulkLoad(pool: Pool): Promise<void> {
  await pool.query(`DROP INDEX IF EXISTS ${ORGANIZATION_STATES}`);
}

/**
 * After a bulk load (also after one that failed): the index of organization states built again,
 * and the log's statistics and visibility map brought up to date, which autovacuum would do only
 * later. Without statistics the planner costs the log's queries as for an empty table (a meeting
 * command at 300,000 members took 31.5 ms at the median, 4.4 with them); without the visibility
 * map an organization stream is read from the heap, page by page, not from its index alone.
 */
export async function afterBulkLoad(pool: Pool): Promise<void> {
  await pool.query(organizationStatesIndex());
  await pool.query('VACUUM (ANALYZE) ledger_events');
}
