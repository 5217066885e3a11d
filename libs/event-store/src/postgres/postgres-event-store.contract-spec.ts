import { Client, Pool } from 'pg';
import { createTestDatabase } from '../../../../test/support/test-database';
import { eventStoreContract } from '../contract/event-store.contract';
import { PostgresEventStore } from './postgres-event-store';
import { postgresTamper } from './postgres-tamper';
import { StoredEvent } from '../envelope';
import { subscribe } from '../subscription';
import { ConcurrencyError } from '../errors';

/** `done` if `p` settles within `ms`, else `late` (the timer cleared either way). */
const within = async (p: Promise<unknown>, ms: number, [done, late] = ['done', 'late']) => {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise((r) => (timer = setTimeout(() => r(late), ms)));
  const outcome = await Promise.race([p.then(() => done), timedOut]);
  clearTimeout(timer);
  return outcome;
};

eventStoreContract('PostgresEventStore', {
  create: async (options) => {
    const db = await createTestDatabase();
    return {
      store: new PostgresEventStore(db.pool, { beforeCommit: options?.beforeCommit }),
      tamper: postgresTamper(db.pool),
      teardown: () => db.drop(),
    };
  },
});

// The same promises from a store that takes the versions of the streams it wrote as it remembers
// them while nobody else appends (bulk loads).
eventStoreContract('PostgresEventStore with rememberVersions', {
  create: async (options) => {
    const db = await createTestDatabase();
    return {
      store: new PostgresEventStore(db.pool, { beforeCommit: options?.beforeCommit, rememberVersions: true }),
      tamper: postgresTamper(db.pool),
      teardown: () => db.drop(),
    };
  },
});

describe('a store that remembers the versions it wrote (rememberVersions)', () => {
  const event = { type: 'A', data: {}, effectiveDate: '2024-01-01' };

  it('reads them again once another writer has appended: a stale expected version is refused', async () => {
    const db = await createTestDatabase();
    // The streams each append reads under the lock, taken from its statement.
    const read: string[][] = [];
    const recorded = new Pool({ connectionString: db.url });
    recorded.on('connect', (client) => {
      const query = client.query.bind(client) as (...args: unknown[]) => unknown;
      (client as { query: unknown }).query = (...args: unknown[]) => {
        const lock =
          typeof args[0] === 'string' &&
          /ledger_lock_for_append\(\d+, ARRAY\[(.*)\]::text\[\]\)/.exec(args[0]);
        if (lock) read.push(lock[1] ? lock[1].split(',').map((id) => id.replace(/'/g, '')) : []);
        return query(...args);
      };
    });
    try {
      const loader = new PostgresEventStore(recorded, { rememberVersions: true });
      const other = new PostgresEventStore(db.pool);
      await loader.appendMany([
        { streamId: 's-1', expectedVersion: 'no_stream', events: [event] },
        { streamId: 's-2', expectedVersion: 'no_stream', events: [event] },
      ]);
      await loader.appendMany([
        { streamId: 's-1', expectedVersion: 0, events: [event] },
        { streamId: 's-3', expectedVersion: 'no_stream', events: [event] },
      ]); // remembered: s-1 at 1
      // The first append read both its streams; the second only the one not written before.
      expect(read).toEqual([['s-1', 's-2'], ['s-3']]);
      await other.append('s-1', 1, [event]); // s-1 at 2, behind the loader's back
      // The loader remembers s-1 at 1; the log says 2. The head has moved: s-1 is read again.
      read.length = 0;
      await expect(loader.append('s-1', 1, [event])).rejects.toBeInstanceOf(ConcurrencyError);
      expect(read).toEqual([[], ['s-1']]);
      await expect(loader.append('s-2', 'no_stream', [event])).rejects.toBeInstanceOf(ConcurrencyError);
      expect(await loader.append('s-1', 2, [event])).toMatchObject({
        streams: [{ streamId: 's-1', version: 3 }],
      });
      // Remembering again from there: its own appends follow on without anyone else's.
      read.length = 0;
      expect(await loader.append('s-1', 3, [event])).toMatchObject({ lastPosition: 7 });
      expect(read).toEqual([[]]);
      await expect(loader.append('s-1', 3, [event])).rejects.toBeInstanceOf(ConcurrencyError);
      expect(await new PostgresEventStore(db.pool).verify()).toMatchObject({ ok: true, checked: 7 });
    } finally {
      await recorded.end();
      await db.drop();
    }
  });
});

describe('ledger_events', () => {
  it('refuses UPDATE and DELETE from the application', async () => {
    const db = await createTestDatabase();
    try {
      const store = new PostgresEventStore(db.pool);
      await store.append('s-1', 'no_stream', [{ type: 'A', data: {}, effectiveDate: '2024-01-01' }]);
      await expect(db.pool.query(`UPDATE ledger_events SET data = '{}'`)).rejects.toThrow(/append-only/);
      await expect(db.pool.query('DELETE FROM ledger_events')).rejects.toThrow(/append-only/);
    } finally {
      await db.drop();
    }
  });
});

/**
 * The control that shows the out-of-order test has teeth: with a bigserial position and no
 * serialization, a reader that has passed position 2 never sees position 1, committed later.
 */
describe('the bigserial trap the store avoids', () => {
  it('loses an event for a naive reader of a bigserial log', async () => {
    const db = await createTestDatabase({ migrate: false });
    const slow = new Client({ connectionString: db.url });
    const fast = new Client({ connectionString: db.url });
    try {
      await db.pool.query('CREATE TABLE naive (position bigserial PRIMARY KEY, body text)');
      await slow.connect();
      await fast.connect();
      await slow.query('BEGIN');
      await slow.query(`INSERT INTO naive (body) VALUES ('slow')`); // takes position 1, commits later
      await fast.query(`INSERT INTO naive (body) VALUES ('fast')`); // takes position 2, commits now
      const firstRead = await db.pool.query<{ position: string }>(
        'SELECT position FROM naive WHERE position > 0',
      );
      const checkpoint = Math.max(...firstRead.rows.map((r) => Number(r.position)));
      await slow.query('COMMIT');
      const secondRead = await db.pool.query('SELECT position FROM naive WHERE position > $1', [checkpoint]);
      const total = await db.pool.query('SELECT count(*)::int AS n FROM naive');
      expect(firstRead.rows.length + secondRead.rows.length).toBe(1); // one of two events was never seen
      expect(total.rows[0].n).toBe(2);
    } finally {
      await slow.end();
      await fast.end();
      await db.drop();
    }
  });
});

describe('verify while the log grows', () => {
  it('reads one snapshot: an append committing during the walk is not taken for tampering', async () => {
    const db = await createTestDatabase();
    try {
      const store = new PostgresEventStore(db.pool);
      for (let i = 0; i < 3; i++)
        await store.append(`s-${i}`, 'no_stream', [{ type: 'A', data: {}, effectiveDate: '2024-01-01' }]);
      // A pool whose first query (the head) is followed at once by a committed append.
      const original = db.pool.connect.bind(db.pool);
      let injected = false;
      const racing = Object.assign(Object.create(db.pool), {
        connect: async () => {
          const client = await original();
          const query = client.query.bind(client);
          (client as unknown as { query: unknown }).query = async (...args: unknown[]) => {
            const result = await (query as (...a: unknown[]) => Promise<unknown>)(...args);
            if (!injected && String(args[0]).includes('ledger_head')) {
              injected = true;
              await store.append('s-late', 'no_stream', [
                { type: 'A', data: {}, effectiveDate: '2024-01-01' },
              ]);
            }
            return result;
          };
          return client;
        },
      });
      const result = await new PostgresEventStore(racing).verify();
      expect(injected).toBe(true);
      expect(result).toMatchObject({ ok: true, checked: 3 });
    } finally {
      await db.drop();
    }
  });
});

describe('append notices between stores on one log (a projector on another thread)', () => {
  it('onAppend hears every committed append with its last position, until unsubscribed', async () => {
    const db = await createTestDatabase();
    try {
      const store = new PostgresEventStore(db.pool);
      const heard: number[] = [];
      const unsubscribe = store.onAppend((p) => heard.push(p));
      await store.append('s-1', 'no_stream', [
        { type: 'A', data: {}, effectiveDate: '2024-01-01' },
        { type: 'A', data: {}, effectiveDate: '2024-01-01' },
      ]);
      // Concurrent appends are written as one group: each group is heard once, at its last position.
      await Promise.all(
        ['s-2', 's-3', 's-4'].map((s) =>
          store.append(s, 'no_stream', [{ type: 'A', data: {}, effectiveDate: '2024-01-01' }]),
        ),
      );
      await expect(
        store.append('s-1', 'no_stream', [{ type: 'A', data: {}, effectiveDate: '2024-01-01' }]),
      ).rejects.toThrow();
      unsubscribe();
      await store.append('s-5', 'no_stream', [{ type: 'A', data: {}, effectiveDate: '2024-01-01' }]);
      expect(heard[0]).toBe(2);
      expect(heard[heard.length - 1]).toBe(5);
      expect(heard).toEqual([...heard].sort((a, b) => a - b));
    } finally {
      await db.drop();
    }
  });

  it('noticeAppend wakes waitForAppend of a store that did not append', async () => {
    const db = await createTestDatabase();
    try {
      const writer = new PostgresEventStore(db.pool);
      const follower = new PostgresEventStore(db.pool);
      const woken = (store: PostgresEventStore, mark?: number) =>
        within(store.waitForAppend(60_000, mark), 1_000, ['woken', 'asleep']);
      const unnoticed = woken(follower);
      await writer.append('s-1', 'no_stream', [{ type: 'A', data: {}, effectiveDate: '2024-01-01' }]);
      expect(await unnoticed).toBe('asleep');
      const noticed = woken(follower);
      follower.noticeAppend(1);
      expect(await noticed).toBe('woken');
      // A notice that comes before the wait begins is missed by a wait without a mark (a
      // subscriber's read running meanwhile), and answered at once by one given a mark taken before.
      const mark = follower.appendsHeard();
      follower.noticeAppend(2);
      expect(follower.appendsHeard()).toBe(mark + 1);
      expect(await woken(follower)).toBe('asleep');
      expect(await woken(follower, mark)).toBe('woken');
      expect(await woken(follower)).toBe('asleep');
      // Ends the waits that lost their race (they would hold the test process for a minute).
      follower.noticeAppend(3);
    } finally {
      await db.drop();
    }
  });

  it('a subscription whose read finds nothing does not sleep through an append committed during that read', async () => {
    const db = await createTestDatabase();
    try {
      const writer = new PostgresEventStore(db.pool);
      let armed = true;
      // A follower (as on the projector's thread) whose first read returns empty, and an append
      // commits, and is noticed, after the read's snapshot but before the read returns.
      const follower = new (class extends PostgresEventStore {
        override async readAll(afterPosition: number, limit: number): Promise<StoredEvent[]> {
          const events = await super.readAll(afterPosition, limit);
          if (armed && events.length === 0) {
            armed = false;
            await writer.append('s-1', 'no_stream', [{ type: 'A', data: {}, effectiveDate: '2024-01-01' }]);
          }
          return events;
        }
      })(db.pool);
      writer.onAppend((p) => follower.noticeAppend(p));
      const handled: number[] = [];
      let seen: () => void = () => undefined;
      const first = new Promise<void>((r) => (seen = r));
      const subscription = subscribe(follower, {
        from: 0,
        idleMs: 60_000,
        handle: async (events) => {
          handled.push(...events.map((e) => e.globalPosition));
          seen();
        },
      });
      try {
        const outcome = await within(first, 5_000, ['handled', 'asleep']);
        expect(armed).toBe(false);
        expect(outcome).toBe('handled');
        expect(handled).toEqual([1]);
      } finally {
        // The subscription sleeps again once caught up: wake it so that it sees it is stopped.
        const stopping = subscription.stop();
        follower.noticeAppend(handled[handled.length - 1] ?? 0);
        await stopping;
      }
    } finally {
      await db.drop();
    }
  });
});

describe('a subscription that gathers a steady stream of appends (lingerMs)', () => {
  const event = { type: 'A', data: {}, effectiveDate: '2024-01-01' };

  it('reads the first append at once, gathers those committed while it lingers into one batch, and reads them at once when hurried', async () => {
    const db = await createTestDatabase();
    try {
      const store = new PostgresEventStore(db.pool);
      const batches: number[][] = [];
      let handled: () => void = () => undefined;
      const next = () => new Promise<void>((r) => (handled = r));
      let first = next();
      const subscription = subscribe(store, {
        from: 0,
        idleMs: 60_000,
        lingerMs: 60_000,
        handle: async (events) => {
          batches.push(events.map((e) => e.globalPosition));
          handled();
        },
      });
      try {
        // Idle: the first append wakes it at once, lingering or not.
        await store.append('s-1', 'no_stream', [event]);
        expect(await within(first, 5_000)).toBe('done');
        // Now lingering (a minute): two more appends are not read yet …
        first = next();
        await store.append('s-2', 'no_stream', [event]);
        await store.append('s-3', 'no_stream', [event]);
        expect(await within(first, 300)).toBe('late');
        expect(batches).toEqual([[1]]);
        // … until someone waits for them: then both come in one batch.
        subscription.hurry();
        expect(await within(first, 5_000)).toBe('done');
        expect(batches).toEqual([[1], [2, 3]]);
        // Lingering again after that batch (a minute) …
        await new Promise((r) => setTimeout(r, 50));
      } finally {
        // … which stopping ends (not a minute later).
        expect(await within(subscription.stop(), 5_000)).toBe('done');
      }
    } finally {
      await db.drop();
    }
  });

  it('does not linger after a full batch: a backlog is read batch after batch', async () => {
    const db = await createTestDatabase();
    try {
      const store = new PostgresEventStore(db.pool);
      for (let i = 1; i <= 5; i++) await store.append(`s-${i}`, 'no_stream', [event]);
      const batches: number[][] = [];
      let caughtUp: () => void = () => undefined;
      const done = new Promise<void>((r) => (caughtUp = r));
      const subscription = subscribe(store, {
        from: 0,
        batchSize: 2,
        idleMs: 60_000,
        lingerMs: 60_000,
        handle: async (events) => {
          batches.push(events.map((e) => e.globalPosition));
          if (events[events.length - 1].globalPosition === 5) caughtUp();
        },
      });
      try {
        expect(await within(done, 5_000)).toBe('done');
        expect(batches).toEqual([[1, 2], [3, 4], [5]]);
      } finally {
        await subscription.stop();
      }
    } finally {
      await db.drop();
    }
  });
});
