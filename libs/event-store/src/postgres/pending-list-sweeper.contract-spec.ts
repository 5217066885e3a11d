import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';
import { createTestDatabase, TestDatabase } from '../../../../test/support/test-database';
import { NewEvent } from '../envelope';
import { PendingListSweeper } from './pending-list-sweeper';
import { PostgresEventStore } from './postgres-event-store';

const meeting = (i: number): NewEvent => ({
  type: 'MeetingHeld',
  data: { organizationId: `org-${i % 7}`, heldOn: '2025-03-05', expected: 30, present: 20 + (i % 10) },
  effectiveDate: '2025-03-05',
  metadata: { correlationId: randomBytes(8).toString('hex'), actor: 'test' },
});

describe('PendingListSweeper (the log’s GIN pending lists, on a real PostgreSQL)', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  let appended = 0;
  const append = async (n: number) => {
    for (let i = 0; i < n; i++, appended++)
      await store.append(`organization-${appended}`, 'no_stream', [meeting(appended)]);
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    store = new PostgresEventStore(db.pool);
  });
  afterAll(() => db?.drop());

  it('moves what appends left in the pending lists into the indexes, and finds nothing the second time', async () => {
    await append(40);
    const sweeper = new PendingListSweeper(db.pool);
    // Both lists (data and metadata) hold the 40 events: at least a page each.
    expect(await sweeper.sweep()).toBeGreaterThanOrEqual(2);
    expect(await sweeper.sweep()).toBe(0);
    // The events are still found through the index, now from its main structure.
    const found = await store.findStreams('organization-', [{ organizationId: 'org-3' }]);
    expect(found).toHaveLength(Math.ceil((appended - 3) / 7));
  });

  it('runs one sweep at a time', async () => {
    await append(20);
    const sweeper = new PendingListSweeper(db.pool);
    const [first, second] = await Promise.all([sweeper.sweep(), sweeper.sweep()]);
    expect(first).toBeGreaterThan(0);
    expect(second).toBe(0);
  });

  it('following a store, sweeps once every `everyEvents` events appended', async () => {
    const swept: number[] = [];
    let sweptOnce!: () => void;
    const once = new Promise<void>((resolve) => (sweptOnce = resolve));
    const sweeper = new PendingListSweeper(db.pool, {
      everyEvents: 25,
      onSwept: (pages) => {
        swept.push(pages);
        sweptOnce();
      },
    });
    const unsubscribe = store.onAppend((lastPosition) => sweeper.appended(lastPosition));
    try {
      await append(24); // the first append sets the mark: 23 events past it
      expect(swept).toEqual([]);
      await append(3); // 26 past it
      await once;
      await append(10); // 10 past the sweep
      await sweeper.stopped();
      expect(swept).toHaveLength(1);
      expect(swept[0]).toBeGreaterThan(0);
    } finally {
      unsubscribe();
    }
  });

  it('without the right to sweep (only the indexes’ owner has it), says so once and stops sweeping', async () => {
    const role = `ledger_sweeper_${randomBytes(4).toString('hex')}`;
    const password = randomBytes(12).toString('hex');
    await db.pool.query(`CREATE ROLE ${role} LOGIN PASSWORD '${password}'`);
    const url = new URL(db.url);
    url.username = role;
    url.password = password;
    const pool = new Pool({ connectionString: url.toString() });
    const log: string[] = [];
    try {
      await append(5);
      const sweeper = new PendingListSweeper(pool, { log: (m) => log.push(m) });
      expect(await sweeper.sweep()).toBe(0);
      expect(await sweeper.sweep()).toBe(0);
      expect(log).toHaveLength(1);
      expect(log[0]).toMatch(/Could not empty the log's GIN pending lists \(sweeps stopped\): must be owner/);
    } finally {
      await pool.end();
      await db.pool.query(`DROP ROLE ${role}`);
    }
  });
});
