import { createTestDatabase, TestDatabase } from '../../../../test/support/test-database';
import { afterBulkLoad, IN_ORGANIZATION_STATES, organizationStatesIndex } from './bulk-load';
import { organizationStatesIndexAtMigration } from './migrations/1732300000006-index-organization-states';
import { Pool } from 'pg';
import { ledgerTypes } from './pg-types';
import { PostgresEventStore } from './postgres-event-store';
import { skipsWhatStatesLeaveOut, streamReadSkipping } from './stream-read';

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

/** The generic plan of the store's prepared read of an organization's state (the one it keeps). */
async function genericPlanOfSkippingRead(db: TestDatabase): Promise<string> {
  const client = await db.pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SET LOCAL enable_seqscan = off');
    await client.query('SET LOCAL enable_bitmapscan = off');
    await client.query('SET LOCAL plan_cache_mode = force_generic_plan');
    await client.query(`PREPARE skipping_read (text, int, text[]) AS ${streamReadSkipping(true).text}`);
    const plan = await client.query<{ 'QUERY PLAN': unknown }>(
      `EXPLAIN (FORMAT JSON) EXECUTE skipping_read('organization-a1', 0, '{MeetingHeld}')`,
    );
    await client.query('ROLLBACK');
    await client.query('DEALLOCATE skipping_read');
    return JSON.stringify(plan.rows[0]['QUERY PLAN']);
  } finally {
    client.release();
  }
}

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
});
