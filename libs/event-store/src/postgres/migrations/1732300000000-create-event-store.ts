import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The event log, its head (last position and hash: what finds a truncated tail), and the
 * idempotency keys. Updates and deletes of events are refused by a trigger: the log is
 * append-only for the application; verify finds what a superuser might still do.
 */
export class CreateEventStore1732300000000 implements MigrationInterface {
  name = 'CreateEventStore1732300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE ledger_events (
        global_position bigint PRIMARY KEY,
        stream_id       text NOT NULL,
        stream_version  integer NOT NULL,
        event_id        uuid NOT NULL UNIQUE,
        type            text NOT NULL,
        schema_version  integer NOT NULL,
        data            jsonb NOT NULL,
        effective_date  date NOT NULL,
        recorded_at     timestamptz NOT NULL,
        metadata        jsonb NOT NULL,
        hash            text NOT NULL,
        CONSTRAINT ledger_events_stream_version UNIQUE (stream_id, stream_version)
      )`);
    await q.query(`
      CREATE TABLE ledger_head (
        singleton       boolean PRIMARY KEY DEFAULT true CHECK (singleton),
        global_position bigint NOT NULL,
        hash            text NOT NULL,
        recorded_at     timestamptz NOT NULL
      )`);
    await q.query(`INSERT INTO ledger_head VALUES (true, 0, '${'0'.repeat(64)}', '1970-01-01T00:00:00Z')`);
    await q.query(`
      CREATE TABLE ledger_idempotency (
        key          text PRIMARY KEY,
        request_hash text NOT NULL,
        result       jsonb NOT NULL,
        recorded_at  timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE FUNCTION ledger_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'ledger_events is append-only: % refused', TG_OP;
      END $$`);
    await q.query(`
      CREATE TRIGGER ledger_events_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON ledger_events
      FOR EACH STATEMENT EXECUTE FUNCTION ledger_events_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE ledger_idempotency');
    await q.query('DROP TABLE ledger_head');
    await q.query('DROP TABLE ledger_events');
    await q.query('DROP FUNCTION ledger_events_append_only');
  }
}
