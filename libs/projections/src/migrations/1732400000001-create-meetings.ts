import { MigrationInterface, QueryRunner } from 'typeorm';

/** Meetings held (MTG-1, MTG-2, MTG-5), bitemporal in transaction time like the other read models. */
export class CreateMeetings1732400000001 implements MigrationInterface {
  name = 'CreateMeetings1732400000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE rm_meetings (
        org_id       text NOT NULL,
        event_id     text NOT NULL,
        meeting_kind text NOT NULL,
        held_on      date NOT NULL,
        expected     integer NOT NULL,
        present      integer NOT NULL,
        known_from   timestamptz NOT NULL,
        known_to     timestamptz NOT NULL DEFAULT 'infinity'
      )`);
    await q.query('CREATE INDEX rm_meetings_org ON rm_meetings (org_id, held_on)');
    await q.query(`CREATE INDEX rm_meetings_current ON rm_meetings (org_id) WHERE known_to = 'infinity'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE rm_meetings');
  }
}
