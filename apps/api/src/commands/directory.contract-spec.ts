import { Pool } from 'pg';
import { ledgerTypes, PostgresEventStore } from '@ledger/event-store';
import { createTestDatabase, TestDatabase } from '../../../../test/support/test-database';
import { CommandExecutor } from './command-executor';
import { Directory } from './directory';

describe('Directory', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db?.drop());

  it('reads an organization for a decision from the index of organization states, meetings left out', async () => {
    // One connection, so that the statements the store prepared for this read can be listed.
    const pool = new Pool({ connectionString: db.url, max: 1, types: ledgerTypes });
    try {
      const store = new PostgresEventStore(pool);
      const id = '00000000-0000-4000-8000-000000000001';
      await store.append(`organization-${id}`, 'no_stream', [
        {
          type: 'OrganizationEstablished',
          data: { organizationId: id, name: 'Chi bộ 1', kind: 'cell', parentId: null },
          effectiveDate: '2020-01-01',
        },
        {
          type: 'MeetingHeld',
          data: { organizationId: id, meetingKind: 'regular', heldOn: '2020-02-01', expected: 3, present: 3 },
          effectiveDate: '2020-02-01',
        },
      ]);
      const loaded = await new Directory(new CommandExecutor(store), store).organization(id);
      expect(loaded.version).toBe(1);
      expect(loaded.state).toMatchObject({ status: 'active', name: 'Chi bộ 1' });
      // Were the read to skip less than the index leaves out, the store would take the plain statement.
      const prepared = await pool.query<{ name: string }>('SELECT name FROM pg_prepared_statements');
      expect(prepared.rows.map((r) => r.name)).toEqual(['ledger-read-organization-state']);
    } finally {
      await pool.end();
    }
  });
});
