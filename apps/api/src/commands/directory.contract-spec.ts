import { Pool } from 'pg';
import { ledgerTypes, PostgresEventStore } from '@ledger/event-store';
import { createTestDatabase, TestDatabase } from '../../../../test/support/test-database';
import {
  evolveOrganization,
  initialOrganizationState,
  organizationStateNeutralTypes,
  organizationStream,
} from '@ledger/domain';
import { Attempt, CommandExecutor } from './command-executor';
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

  describe('folding the organizations at start (foldOrganizations)', () => {
    const org = (n: number) => `00000000-0000-4000-8000-00000000010${n}`;
    const established = (id: string, name: string) => ({
      type: 'OrganizationEstablished',
      data: { organizationId: id, name, kind: 'cell', parentId: null },
      effectiveDate: '2020-01-01',
    });
    const meeting = (id: string, heldOn: string) => ({
      type: 'MeetingHeld',
      data: { organizationId: id, meetingKind: 'regular', heldOn, expected: 3, present: 3 },
      effectiveDate: heldOn,
    });
    const renamed = (id: string, name: string, previousName: string) => ({
      type: 'OrganizationRenamed',
      data: { organizationId: id, name, previousName },
      effectiveDate: '2021-01-01',
    });
    const load = (executor: CommandExecutor, id: string, attempt?: Attempt) =>
      executor.load(
        organizationStream(id),
        evolveOrganization,
        initialOrganizationState,
        organizationStateNeutralTypes,
        attempt,
      );
    let store: PostgresEventStore;
    beforeAll(async () => {
      store = new PostgresEventStore(db.pool);
      // State changes in the order 1, 2, 3, then 1 again; 2's meeting is not a state change.
      await store.append(organizationStream(org(1)), 'no_stream', [
        established(org(1), 'Chi bộ 1'),
        meeting(org(1), '2020-02-01'),
      ]);
      await store.append(organizationStream(org(2)), 'no_stream', [established(org(2), 'Chi bộ 2')]);
      await store.append(organizationStream(org(3)), 'no_stream', [established(org(3), 'Chi bộ 3')]);
      await store.append(organizationStream(org(1)), 1, [renamed(org(1), 'Chi bộ Một', 'Chi bộ 1')]);
      await store.append(organizationStream(org(2)), 0, [meeting(org(2), '2021-03-01')]);
    });

    it('keeps, for the most recently changed organizations, the very fold a read of the log gives', async () => {
      const executor = new CommandExecutor(store);
      const directory = new Directory(executor, store);
      const counts: number[] = [];
      // Two of the three (and the organization of the first test above is older still).
      expect(await directory.foldOrganizations(2, { chunk: 1, onKept: (n) => counts.push(n) })).toBe(2);
      expect(counts).toEqual([1, 2]);
      const fromLog = new CommandExecutor(store);
      for (const n of [1, 3]) {
        const attempt: Attempt = { trustKept: true };
        const kept = await load(executor, org(n), attempt);
        expect(attempt.usedKept).toBe(true);
        const read = await load(fromLog, org(n));
        expect({ state: kept.state, version: kept.version }).toEqual({
          state: read.state,
          version: read.version,
        });
      }
      expect((await load(executor, org(1))).state).toMatchObject({ name: 'Chi bộ Một' });
      expect((await load(executor, org(1))).version).toBe(2);
      // The third was not folded: its command reads it.
      const attempt: Attempt = { trustKept: true };
      expect((await load(executor, org(2), attempt)).version).toBe(1);
      expect(attempt.usedKept).toBeUndefined();
    });

    it('leaves a fold a command kept meanwhile, when it is as recent or newer', async () => {
      const executor = new CommandExecutor(store);
      const before = await store.readStreamsSkipping(
        [organizationStream(org(3))],
        organizationStateNeutralTypes,
      );
      await store.append(organizationStream(org(3)), 0, [renamed(org(3), 'Chi bộ Ba', 'Chi bộ 3')]);
      const current = await load(executor, org(3));
      expect(current.version).toBe(1);
      // A fold read before that append arrives late: it is older, and does not replace the newer one.
      expect(executor.keepFolds(before, evolveOrganization, initialOrganizationState)).toBe(0);
      const attempt: Attempt = { trustKept: true };
      const kept = await load(executor, org(3), attempt);
      expect(attempt.usedKept).toBe(true);
      expect(kept.version).toBe(1);
      expect(kept.state).toMatchObject({ name: 'Chi bộ Ba' });
    });

    it('stops between reads once told to', async () => {
      const directory = new Directory(new CommandExecutor(store), store);
      let reads = 0;
      const kept = await directory.foldOrganizations(10, { chunk: 1, stopped: () => reads++ >= 2 });
      expect(kept).toBe(2);
    });
  });
});
