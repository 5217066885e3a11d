import { MigrationInterface, QueryRunner } from 'typeorm';
import { ORGANIZATION_STATES, organizationStatesIndex } from '../bulk-load';
import { ORGANIZATION_STREAMS, organizationStreamsIndex } from './1732300000005-index-organization-streams';

/**
 * The index of organization streams (IndexOrganizationStreams1732300000005) held every event of
 * them, meetings too, though no decision reads a meeting (organizationStateNeutralTypes): a cell's
 * 19 state events shared its pages with 107 meetings. Measured at 300,000 members (561 MB of
 * index): a decision's read of a cell the app had not read visited 28 index pages, 7.5 of them
 * from outside PostgreSQL's buffers, 0.61 ms; and every meeting appended wrote a wide entry on a
 * random page of it. This index leaves meetings out (69 MB): 0.36 ms a read, 0.5 pages from
 * outside the buffers, and a meeting's append writes nothing to it. Whole streams (history, the
 * projector) are read from the log's unique index and the heap, as member streams always were.
 */
export class IndexOrganizationStates1732300000006 implements MigrationInterface {
  name = 'IndexOrganizationStates1732300000006';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS ${ORGANIZATION_STREAMS}`);
    await q.query(organizationStatesIndex());
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS ${ORGANIZATION_STATES}`);
    await q.query(organizationStreamsIndex);
  }
}
