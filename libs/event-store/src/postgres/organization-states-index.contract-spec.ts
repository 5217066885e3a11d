import { createTestDatabase, TestDatabase } from '../../../../test/support/test-database';
import { afterBulkLoad, IN_ORGANIZATION_STATES, organizationStatesIndex } from './bulk-load';
import { organizationStatesIndexAtMigration } from './migrations/1732300000006-index-organization-states';
import { Pool } from 'pg';
import { ledgerTypes } from './pg-types';
import { PostgresEventStore } from './postgres-event-store';
import {
  recentStreams,
  skipsWhatStatesLeaveOut,
  streamReadSkipping,
  streamsReadSkipping,
} from './stream-read';

/** The plan PostgreSQL picks for a read of a stream's events, with sequential scans ruled out. */
async function planOf(db: TestDatabase, streamId: string, where = ''): Promise<string> {
  const client = await db.pool.connect();
  try {
    await client.query('BEGIN');
    // A few rows: the planner would rather scan the table, which says nothing about the index.
    await client.query('SET LOCAL enable_seqscan = off');
    await client.query('SET LOCAL enable_bitmapscan = off');
    const plan = await client.query<{ 'QUERY PLAN': unknown }>(
      `EXPLAIN (FORMAT JSON) SELECT * FROM ledger_events WHERE stream_id = $1 ${where} AND stream_version >= $2 ORDER BY stream_version`,
      [streamId, 0],
    );
    await client.query('ROLLBACK');
    return JSON.stringify(plan.rows[0]['QUERY PLAN']);
  } finally {
    client.release();
  }
}

/**
 * The generic plan (the one PostgreSQL keeps for any values) of a statement prepared as `sql`
 * with parameters of `types`, executed with `args`; sequential and bitmap scans ruled out.
 */
async function genericPlanOf(db: TestDatabase, types: string, sql: string, args: string): Promise<string> {
  const client = await db.pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SET LOCAL enable_seqscan = off');
    await client.query('SET LOCAL enable_bitmapscan = off');
    await client.query('SET LOCAL plan_cache_mode = force_generic_plan');
    await client.query(`PREPARE planned (${types}) AS ${sql}`);
    const plan = await client.query<{ 'QUERY PLAN': unknown }>(
      `EXPLAIN (FORMAT JSON) EXECUTE planned(${args})`,
    );
    await client.query('ROLLBACK');
    await client.query('DEALLOCATE planned');
    return JSON.stringify(plan.rows[0]['QUERY PLAN']);
  } finally {
    client.release();
  }
}

/** The generic plan of the store's prepared read of an organization's state (the one it keeps). */
const genericPlanOfSkippingRead = (db: TestDatabase) =>
  genericPlanOf(
    db,
    'text, int, text[]',
    streamReadSkipping(true).text,
    `'organization-a1', 0, '{MeetingHeld}'`,
  );

/** The statements prepared on the pool's one connection, by name. */
async function preparedOn(pool: Pool): Promise<string[]> {
  const found = await pool.query<{ name: string }>('SELECT name FROM pg_prepared_statements ORDER BY name');
  return found.rows.map((r) => r.name);
}

describe('the index of organization states', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
    const store = new PostgresEventStore(db.pool);
    const event = (type: string) => ({ type, data: { n: 1 }, effectiveDate: '2024-01-01' });
    await store.append('organization-a1', 'no_stream', [
      event('OrganizationEstablished'),
      event('MeetingHeld'),
    ]);
    await store.append('member-m1', 'no_stream', [event('MemberRegisteredFromRecords')]);
    await afterBulkLoad(db.pool);
  });
  afterAll(() => db?.drop());

  it("serves the read of an organization's state from the index alone", async () => {
    const plan = await planOf(db, 'organization-a1', `AND ${IN_ORGANIZATION_STATES}`);
    expect(plan).toContain('"Node Type":"Index Only Scan"');
    expect(plan).toContain('"Index Name":"ledger_events_organization_states"');
  });

  it('holds no meeting and no other stream', async () => {
    // Without the predicate (a whole stream, meetings too; a member's), the index cannot serve.
    expect(await planOf(db, 'organization-a1')).not.toContain('ledger_events_organization_states');
    expect(await planOf(db, 'member-m1')).not.toContain('ledger_events_organization_states');
    const held = await db.pool.query(
      `SELECT stream_id, type FROM ledger_events WHERE ${IN_ORGANIZATION_STATES} ORDER BY global_position`,
    );
    expect(held.rows).toEqual([{ stream_id: 'organization-a1', type: 'OrganizationEstablished' }]);
  });

  it('is built after a bulk load as its migration built it', () => {
    const oneLine = (sql: string) => sql.replace(/\s+/g, ' ');
    expect(oneLine(organizationStatesIndex())).toBe(oneLine(organizationStatesIndexAtMigration));
  });

  it('is the one the prepared read goes to only when it skips what the index leaves out', () => {
    expect(skipsWhatStatesLeaveOut(['MeetingHeld'])).toBe(true);
    expect(skipsWhatStatesLeaveOut(['MeetingHeld', 'OrganizationRenamed'])).toBe(true);
    expect(skipsWhatStatesLeaveOut([])).toBe(false);
    expect(skipsWhatStatesLeaveOut(['OrganizationRenamed'])).toBe(false);
  });

  it("serves the store's prepared read of an organization's state, planned once for any id, from the index alone", async () => {
    const plan = await genericPlanOfSkippingRead(db);
    // The events from that index, alone; the version from the log's unique index (stream-read.ts).
    expect(plan).toContain('"Index Name":"ledger_events_organization_states"');
    expect(plan).toContain('"Index Name":"ledger_events_stream_version"');
    expect(plan).not.toContain('"Node Type":"Index Scan"');
  });

  it('reads the same through its prepared statements, past the point where PostgreSQL plans them once', async () => {
    // One connection, so that each statement runs more than the five times after which PostgreSQL
    // may switch to its generic plan.
    const pool = new Pool({ connectionString: db.url, max: 1, types: ledgerTypes });
    try {
      const store = new PostgresEventStore(pool);
      for (let i = 0; i < 8; i++) {
        const organization = await store.readStreamSkipping('organization-a1', 0, ['MeetingHeld']);
        expect(organization.version).toBe(1);
        expect(organization.events.map((e) => e.type)).toEqual(['OrganizationEstablished']);
        // The store took the statement on the index for this read, and only for reads like it.
        if (i === 0) expect(await preparedOn(pool)).toEqual(['ledger-read-organization-state']);
        const whole = await store.readStreamSkipping('organization-a1', 0, []);
        expect(whole.events.map((e) => e.type)).toEqual(['OrganizationEstablished', 'MeetingHeld']);
        const later = await store.readStreamSkipping('organization-a1', 1, []);
        expect(later.events.map((e) => e.type)).toEqual(['MeetingHeld']);
        const renamesSkipped = await store.readStreamSkipping('organization-a1', 0, ['OrganizationRenamed']);
        expect(renamesSkipped.events.map((e) => e.type)).toEqual(['OrganizationEstablished', 'MeetingHeld']);
        const member = await store.readStreamSkipping('member-m1', 0, ['MeetingHeld']);
        expect(member.version).toBe(0);
        expect(member.events.map((e) => e.type)).toEqual(['MemberRegisteredFromRecords']);
        const none = await store.readStreamSkipping('organization-none', 0, ['MeetingHeld']);
        expect(none).toEqual({ events: [], version: -1 });
      }
      expect(await preparedOn(pool)).toEqual(['ledger-read-organization-state', 'ledger-read-stream']);
    } finally {
      await pool.end();
    }
  });

  it('serves the folds of organizations at start (recentStreams, readStreamsSkipping) from the index alone, and only those', async () => {
    const pool = new Pool({ connectionString: db.url, max: 1, types: ledgerTypes });
    try {
      const store = new PostgresEventStore(pool);
      for (let i = 0; i < 8; i++) {
        expect(await store.recentStreams('organization-', 10, ['MeetingHeld'])).toEqual(['organization-a1']);
        const states = await store.readStreamsSkipping(
          ['organization-a1', 'organization-none'],
          ['MeetingHeld'],
        );
        expect(states.get('organization-a1')).toEqual(
          await store.readStreamSkipping('organization-a1', 0, ['MeetingHeld']),
        );
        expect(states.get('organization-none')).toEqual({ events: [], version: -1 });
        if (i === 0)
          expect(await preparedOn(pool)).toEqual([
            'ledger-read-organization-state',
            'ledger-read-organization-states',
            'ledger-recent-organizations',
          ]);
        // Reads that keep meetings, or name a member, take the plain statements and miss nothing.
        expect(await store.recentStreams('organization-', 10, [])).toEqual(['organization-a1']);
        const mixed = await store.readStreamsSkipping(['organization-a1', 'member-m1'], ['MeetingHeld']);
        expect(mixed.get('member-m1')!.events.map((e) => e.type)).toEqual(['MemberRegisteredFromRecords']);
        expect(mixed.get('organization-a1')!.events.map((e) => e.type)).toEqual(['OrganizationEstablished']);
        const whole = await store.readStreamsSkipping(['organization-a1'], []);
        expect(whole.get('organization-a1')!.events.map((e) => e.type)).toEqual([
          'OrganizationEstablished',
          'MeetingHeld',
        ]);
      }
      expect(await preparedOn(pool)).toEqual([
        'ledger-read-organization-state',
        'ledger-read-organization-states',
        'ledger-read-streams',
        'ledger-recent-organizations',
        'ledger-recent-streams',
      ]);
    } finally {
      await pool.end();
    }
  });

  it('plans the folds of organizations at start, once for any ids, on the index alone', async () => {
    const read = await genericPlanOf(
      db,
      'text[], text[]',
      streamsReadSkipping(true).text,
      `'{organization-a1}', '{MeetingHeld}'`,
    );
    expect(read).toContain('"Index Name":"ledger_events_organization_states"');
    expect(read).not.toContain('"Node Type":"Index Scan"');
    const recent = await genericPlanOf(
      db,
      'text, int, text[]',
      recentStreams(true).text,
      `'organization-', 10, '{MeetingHeld}'`,
    );
    expect(recent).toContain('"Node Type":"Index Only Scan"');
    expect(recent).toContain('"Index Name":"ledger_events_organization_states"');
  });
});
