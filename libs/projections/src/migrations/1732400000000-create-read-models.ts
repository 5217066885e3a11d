import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Bitemporal read models. Every row holds for a valid-time range [valid_from, valid_to) of
 * effective dates and for a transaction-time range [known_from, known_to) of recordedAt
 * instants: a row is the answer "on date D, as known at T" when D and T fall in its ranges.
 * A new event never edits an answer in place: the rows it supersedes get known_to = its
 * recordedAt and new rows start there. 'infinity' stands for "still so".
 */
export class CreateReadModels1732400000000 implements MigrationInterface {
  name = 'CreateReadModels1732400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE projection_checkpoints (
        name       text PRIMARY KEY,
        position   bigint NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    const temporal = `
        valid_from date NOT NULL,
        valid_to   date NOT NULL,
        known_from timestamptz NOT NULL,
        known_to   timestamptz NOT NULL DEFAULT 'infinity'`;
    await q.query(`
      CREATE TABLE rm_org_timeline (
        org_id    text NOT NULL,
        status    text NOT NULL,
        kind      text NOT NULL,
        name      text NOT NULL,
        parent_id text,
        ${temporal}
      )`);
    await q.query(
      `CREATE INDEX rm_org_timeline_current ON rm_org_timeline (org_id) WHERE known_to = 'infinity'`,
    );
    await q.query(`CREATE INDEX rm_org_timeline_parent ON rm_org_timeline (parent_id, valid_from)`);
    await q.query(`
      CREATE TABLE rm_org_closure (
        org_id      text NOT NULL,
        ancestor_id text NOT NULL,
        ${temporal}
      )`);
    await q.query(`CREATE INDEX rm_org_closure_ancestor ON rm_org_closure (ancestor_id, org_id, valid_from)`);
    await q.query(
      `CREATE INDEX rm_org_closure_current ON rm_org_closure (org_id) WHERE known_to = 'infinity'`,
    );
    await q.query(`
      CREATE TABLE rm_member_timeline (
        member_id          text NOT NULL,
        status             text NOT NULL,
        full_name          text NOT NULL,
        registered_cell_id text,
        counted_cell_id    text,
        exempt_from        date,
        exempt_until       date,
        ${temporal}
      )`);
    await q.query(`CREATE INDEX rm_member_timeline_cell ON rm_member_timeline (counted_cell_id, valid_from)`);
    await q.query(
      `CREATE INDEX rm_member_timeline_registered ON rm_member_timeline (registered_cell_id, valid_from)`,
    );
    await q.query(
      `CREATE INDEX rm_member_timeline_current ON rm_member_timeline (member_id) WHERE known_to = 'infinity'`,
    );
    await q.query(`
      CREATE TABLE rm_member_flows (
        event_id       text NOT NULL,
        member_id      text NOT NULL,
        position       bigint NOT NULL,
        type           text NOT NULL,
        kind           text NOT NULL,
        effective_date date NOT NULL,
        cell_id        text,
        other_cell_id  text,
        form           text,
        decision_ref   text,
        known_from     timestamptz NOT NULL,
        known_to       timestamptz NOT NULL DEFAULT 'infinity'
      )`);
    await q.query(`CREATE INDEX rm_member_flows_date ON rm_member_flows (effective_date, kind)`);
    await q.query(
      `CREATE INDEX rm_member_flows_current ON rm_member_flows (member_id) WHERE known_to = 'infinity'`,
    );
    await q.query(`
      CREATE TABLE rm_ratings (
        subject    text NOT NULL,
        subject_id text NOT NULL,
        year       integer NOT NULL,
        rating     text NOT NULL,
        known_from timestamptz NOT NULL,
        known_to   timestamptz NOT NULL DEFAULT 'infinity'
      )`);
    await q.query(`CREATE INDEX rm_ratings_year ON rm_ratings (year, subject)`);
    await q.query(`CREATE INDEX rm_ratings_current ON rm_ratings (subject_id) WHERE known_to = 'infinity'`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'rm_ratings',
      'rm_member_flows',
      'rm_member_timeline',
      'rm_org_closure',
      'rm_org_timeline',
      'projection_checkpoints',
    ])
      await q.query(`DROP TABLE ${t}`);
  }
}
