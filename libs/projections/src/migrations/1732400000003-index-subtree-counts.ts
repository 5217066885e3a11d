import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for counts and rosters of a subtree on a date (SqlPointInTime.counts/roster).
 *
 * Those queries walk the closure table for the subtree's organizations, then each organization's
 * rows. With only (counted_cell_id, valid_from) every row a cell ever had up to the date — all past
 * versions, superseded knowledge, candidates and leavers included — was fetched from the heap and
 * filtered; on a large subtree the planner gave up and scanned the whole member table, and the
 * organizations were always a scan of the whole rm_org_timeline: costs that grew with the
 * province, not with the subtree asked about.
 *
 * - Members: partial on what a count without knownAt reads (current knowledge, active statuses),
 *   valid_to a key column so "valid on D" is checked in the index, the counted columns included so
 *   the count is an index-only scan. Closed versions never enter it, so it grows with the members on
 *   file, not with the history. A past knownAt still uses rm_member_timeline_cell.
 * - Closure and organizations: small tables, so not partial — one index serves the current and the
 *   past knownAt alike (known_from/known_to included), and org_id leading also serves the
 *   "organization ever recorded" check, which had no usable index (only a partial one).
 *
 * Rebuilds create the same indexes on their new tables, under generated names. Since
 * IndexValidityIncluded1732400000005 valid_to is an included column, not a key column.
 */
export class IndexSubtreeCounts1732400000003 implements MigrationInterface {
  name = 'IndexSubtreeCounts1732400000003';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX rm_member_timeline_counted_current ON rm_member_timeline (counted_cell_id, valid_from, valid_to)
         INCLUDE (status, exempt_from, exempt_until)
         WHERE known_to = 'infinity' AND status IN ('probationary', 'official')`,
    );
    await q.query(
      `CREATE INDEX rm_org_closure_subtree ON rm_org_closure (ancestor_id, valid_from, valid_to)
         INCLUDE (org_id, known_from, known_to)`,
    );
    await q.query(
      `CREATE INDEX rm_org_timeline_org ON rm_org_timeline (org_id, valid_from, valid_to)
         INCLUDE (status, kind, known_from, known_to)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    // By definition, not by name: after a rebuild the copies carry generated names.
    const indexes = await q.query(
      `SELECT indexname FROM pg_indexes
        WHERE schemaname = current_schema() AND (
              (tablename = 'rm_member_timeline' AND indexdef LIKE '%(counted_cell_id, valid_from, valid_to) INCLUDE (status, exempt_from, exempt_until)%')
           OR (tablename = 'rm_org_closure' AND indexdef LIKE '%(ancestor_id, valid_from, valid_to) INCLUDE (org_id, known_from, known_to)%')
           OR (tablename = 'rm_org_timeline' AND indexdef LIKE '%(org_id, valid_from, valid_to) INCLUDE (status, kind, known_from, known_to)%'))`,
    );
    for (const { indexname } of indexes as { indexname: string }[])
      await q.query(`DROP INDEX "${indexname}"`);
  }
}
