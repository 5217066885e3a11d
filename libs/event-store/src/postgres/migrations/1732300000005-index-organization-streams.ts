import { MigrationInterface, QueryRunner } from 'typeorm';

/** The index as this migration made it (IndexOrganizationStates1732300000006 replaced it). */
export const ORGANIZATION_STREAMS = 'ledger_events_organization_streams';
export const organizationStreamsIndex = `CREATE INDEX IF NOT EXISTS ${ORGANIZATION_STREAMS} ON ledger_events (stream_id, stream_version)
     INCLUDE (global_position, event_id, type, schema_version, data, effective_date, recorded_at, metadata, hash)
     WHERE stream_id >= 'organization-' AND stream_id < 'organization.'`;

/**
 * Organization streams read from an index alone. A cell's stream holds years of meetings (130
 * events and more at 300,000 members), recorded among everything else, so its events lie on as
 * many heap pages: a command on a cell the app has not folded since it started read 98–112 pages,
 * 8.7–11 ms on this machine. This index keeps those streams' events together, whole (so that a
 * stream read is an index-only scan): 9–11 pages, 0.7–0.9 ms. Member streams are short and are
 * left out; the index is partial so that it costs only for organization events.
 *
 * The predicate is a range, not a LIKE, so that the planner can prove `stream_id = $1` for an
 * organization implies it ('.' follows '-'; the embedded database and the tests use the C
 * collation, where that range is exactly the 'organization-' prefix). Index-only scans need the
 * visibility map, which autovacuum keeps and a bulk load sets (`afterBulkLoad`, which also builds
 * this index after the load instead of during it).
 */
export class IndexOrganizationStreams1732300000005 implements MigrationInterface {
  name = 'IndexOrganizationStreams1732300000005';

  async up(q: QueryRunner): Promise<void> {
    await q.query(organizationStreamsIndex);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ${ORGANIZATION_STREAMS}`);
  }
}
