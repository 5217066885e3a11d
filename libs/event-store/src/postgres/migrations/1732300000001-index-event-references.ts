import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Lets a command find the streams that mention an id ("which organizations had this parent",
 * "which members were in this cell") with `data @> '{"parentId": …}'` instead of a full scan.
 */
export class IndexEventReferences1732300000001 implements MigrationInterface {
  name = 'IndexEventReferences1732300000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE INDEX ledger_events_data ON ledger_events USING gin (data jsonb_path_ops)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX ledger_events_data');
  }
}
