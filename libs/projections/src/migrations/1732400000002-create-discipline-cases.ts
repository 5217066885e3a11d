import { MigrationInterface, QueryRunner } from 'typeorm';

/** Discipline cases by date (valid time) and by what was recorded (transaction time). */
export class CreateDisciplineCases1732400000002 implements MigrationInterface {
  name = 'CreateDisciplineCases1732400000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE rm_case_timeline (
        case_id      text NOT NULL,
        subject_kind text NOT NULL,
        subject_id   text NOT NULL,
        opened_by    text NOT NULL,
        opened_on    date NOT NULL,
        status       text NOT NULL,
        form         text,
        decision_ref text,
        valid_from   date NOT NULL,
        valid_to     date NOT NULL,
        known_from   timestamptz NOT NULL,
        known_to     timestamptz NOT NULL DEFAULT 'infinity'
      )`);
    await q.query('CREATE INDEX rm_case_timeline_opened ON rm_case_timeline (opened_on)');
    await q.query(
      `CREATE INDEX rm_case_timeline_current ON rm_case_timeline (case_id) WHERE known_to = 'infinity'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE rm_case_timeline');
  }
}
