import { MigrationInterface, QueryRunner } from 'typeorm';
import { ORGANIZATION_STREAMS, organizationStreamsIndex } from './1732300000005-index-organization-streams';

/** The index as this migration makes it (bulk-load.ts builds it after a bulk load; a test holds the two equal). */
const ORGANIZATION_STATES = 'ledger_events_organization_states';
export const organizationStatesIndexAtMigration = `CREATE INDEX IF NOT EXISTS ${ORGANIZATION_STATES} ON ledger_events (stream_id, stream_version)
     INCLUDE (global_position, event_id, type, schema_version, data, effective_date, recorded_at, metadata, hash)
     WHERE stream_id >= 'organization-' AND stream_id < 'organization.' AND type <> 'MeetingHeld'`;

/**
 * The index of organization streams (IndexOrganizationStreams1732300000005) held every event of
 * them, meetings too, though no decision reads a meeting (organizationStateNeutralTypes): a cell's
 * 19 state events shared its pages with 107 meetings. Measured at 300,000 members (561 MB of
 * index): a decision's read of a cell the app had not read visited 28 index pages, 7.5 of them
 * from outside PostgreSQL's buffers, 0.61 ms; and every meeting appended wrote a wide entry on a
 * random page of it. This index leaves meetings out (69 MB): 0.36 ms a read, 0.5 pages from
 * outside the buffers, and a meeting's append writes nothing to it. Whole streams (history, the
 * projector) are read from the log's unique index and the heap, as member streams always were.
 *
 * The new index is built before the old one goes: building it blocks only appends, while dropping
 * an index locks the log against reads until the transaction ends. The SQL is this migration's
 * own (bulk-load.ts builds the same index today; a change there needs a migration of its own).
 */
export class IndexOrganizationStates1732300000006 implements MigrationInterface {
  name = 'IndexOrganizationStates1732300000006';

  async up(q: QueryRunner): Promise<void> {
    await q.query(organizationStatesIndexAtMigration);
    await q.query(`DROP INDEX IF EXISTS ${ORGANIZATION_STREAMS}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(organizationStreamsIndex);
    await q.query(`DROP INDEX IF EXISTS ${ORGANIZATION_STATES}`);
  }
}
