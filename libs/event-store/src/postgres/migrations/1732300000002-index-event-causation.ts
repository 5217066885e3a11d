import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Lets a trace find the events a decision caused in other streams ("which member events did this
 * discipline case cause") with `metadata @> '{"causationId": …}'` instead of a full scan.
 */
export class IndexEventCausation1732300000002 implements MigrationInterface {
  name = 'IndexEventCausation1732300000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE INDEX ledger_events_metadata ON ledger_events USING gin (metadata jsonb_path_ops)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX ledger_events_metadata');
  }
}
