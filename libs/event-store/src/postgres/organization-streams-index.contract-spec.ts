import { createTestDatabase, TestDatabase } from '../../../../test/support/test-database';
import { afterBulkLoad } from './bulk-load';
import { PostgresEventStore } from './postgres-event-store';

/** The plan PostgreSQL picks for the store's own stream read, with sequential scans ruled out. */
async function planOf(db: TestDatabase, streamId: string): Promise<string> {
  const client = await db.pool.connect();
  try {
    await client.query('BEGIN');
    // A few rows: the planner would rather scan the table, which says nothing about the index.
    await client.query('SET LOCAL enable_seqscan = off');
    await client.query('SET LOCAL enable_bitmapscan = off');
    const plan = await client.query<{ 'QUERY PLAN': unknown }>(
      `EXPLAIN (FORMAT JSON) SELECT * FROM ledger_events WHERE stream_id = $1 AND stream_version >= $2 ORDER BY stream_version`,
      [streamId, 0],
    );
    await client.query('ROLLBACK');
    return JSON.stringify(plan.rows[0]['QUERY PLAN']);
  } finally {
    client.release();
  }
}

describe('the index of organization streams', () => {
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

  it("serves an organization stream's read from the index alone", async () => {
    const plan = await planOf(db, 'organization-a1');
    expect(plan).toContain('"Node Type":"Index Only Scan"');
    expect(plan).toContain('"Index Name":"ledger_events_organization_streams"');
  });

  it('holds no other stream', async () => {
    expect(await planOf(db, 'member-m1')).not.toContain('ledger_events_organization_streams');
    const held = await db.pool.query(
      `SELECT DISTINCT stream_id FROM ledger_events WHERE stream_id >= 'organization-' AND stream_id < 'organization.'`,
    );
    expect(held.rows.map((r) => r.stream_id)).toEqual(['organization-a1']);
  });
});
