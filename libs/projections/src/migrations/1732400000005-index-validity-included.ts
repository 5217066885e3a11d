import { MigrationInterface, QueryRunner } from 'typeorm';
import { IndexSubtreeCounts1732400000003 } from './1732400000003-index-subtree-counts';

/**
 * The subtree indexes of IndexSubtreeCounts1732400000003 with valid_to moved from the key into
 * INCLUDE. Measured on PostgreSQL 18 (the embedded server) at 300,000 members: a commune's count
 * took 13 ms because the planner never chose the covering index. With valid_to a key column after
 * the range on valid_from, PostgreSQL 18 costs `valid_to > D` as a skip scan over every distinct
 * valid_from (9,775 for one cell's probe, which really reads a few pages), so it preferred the
 * plain (counted_cell_id, valid_from) index and fetched every row from the heap. As an included
 * column, valid_to is still checked in the index (an index-only scan filters on it), the probe is
 * costed at what it reads, and the same count takes 1 ms. PostgreSQL 15 and 16 never skip-scan,
 * and plan these indexes the same either way.
 */
export class IndexValidityIncluded1732400000005 implements MigrationInterface {
  name = 'IndexValidityIncluded1732400000005';

  async up(q: QueryRunner): Promise<void> {
    await dropByDefinition(q, [
      [
        'rm_member_timeline',
        '(counted_cell_id, valid_from, valid_to) INCLUDE (status, exempt_from, exempt_until)',
      ],
      ['rm_org_closure', '(ancestor_id, valid_from, valid_to) INCLUDE (org_id, known_from, known_to)'],
      ['rm_org_timeline', '(org_id, valid_from, valid_to) INCLUDE (status, kind, known_from, known_to)'],
    ]);
    await q.query(
      `CREATE INDEX rm_member_timeline_counted_current ON rm_member_timeline (counted_cell_id, valid_from)
         INCLUDE (valid_to, status, exempt_from, exempt_until)
         WHERE known_to = 'infinity' AND status IN ('probationary', 'official')`,
    );
    await q.query(
      `CREATE INDEX rm_org_closure_subtree ON rm_org_closure (ancestor_id, valid_from)
         INCLUDE (valid_to, org_id, known_from, known_to)`,
    );
    await q.query(
      `CREATE INDEX rm_org_timeline_org ON rm_org_timeline (org_id, valid_from)
         INCLUDE (valid_to, status, kind, known_from, known_to)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await dropByDefinition(q, [
      [
        'rm_member_timeline',
        '(counted_cell_id, valid_from) INCLUDE (valid_to, status, exempt_from, exempt_until)',
      ],
      ['rm_org_closure', '(ancestor_id, valid_from) INCLUDE (valid_to, org_id, known_from, known_to)'],
      ['rm_org_timeline', '(org_id, valid_from) INCLUDE (valid_to, status, kind, known_from, known_to)'],
    ]);
    await new IndexSubtreeCounts1732400000003().up(q);
  }
}

/** After a rebuild the indexes carry generated names: found by table and definition. */
async function dropByDefinition(
  q: QueryRunner,
  indexes: [table: string, definition: string][],
): Promise<void> {
  for (const [table, definition] of indexes) {
    const found = (await q.query(
      `SELECT indexname FROM pg_indexes
        WHERE schemaname = current_schema() AND tablename = $1 AND indexdef LIKE '%' || $2 || '%'`,
      [table, definition],
    )) as { indexname: string }[];
    for (const { indexname } of found) await q.query(`DROP INDEX "${indexname}"`);
  }
}
