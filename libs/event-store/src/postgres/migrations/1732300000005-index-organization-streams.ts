import { MigrationInterface, QueryRunner } from 'typeorm';
import { ORGANIZATION_STREAMS, organizationStreamsIndex } from '../bulk-load';

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
    await q.query(organizationStreamsIndex());
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ${ORGANIZATION_STREAMS}`);
  }
}
