import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Flows for a subtree are read cell by cell (the subtree's cells, then each cell's flows in the
 * period) instead of every flow of the province in the period, each checked against the subtree.
 */
export class IndexFlowsByCell1732400000004 implements MigrationInterface {
  name = 'IndexFlowsByCell1732400000004';

  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE INDEX rm_member_flows_cell ON rm_member_flows (cell_id, effective_date)');
  }

  async down(q: QueryRunner): Promise<void> {
    // A rebuild swaps in a copy whose index has a generated name: found by its definition.
    const found = await q.query(
      `SELECT indexname FROM pg_indexes WHERE tablename = 'rm_member_flows'
          AND indexdef LIKE '%(cell_id, effective_date)%'`,
    );
    for (const { indexname } of found as { indexname: string }[]) await q.query(`DROP INDEX "${indexname}"`);
  }
}
