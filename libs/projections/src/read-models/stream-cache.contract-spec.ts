import { PostgresEventStore } from '@ledger/event-store';
import { createTestDatabase, TestDatabase } from '../../../../test/support/test-database';
import { StreamCache } from './stream-cache';

describe('StreamCache', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
    const store = new PostgresEventStore(db.pool);
    // A case stream: the cache keeps its events (no incremental rows for cases).
    for (let i = 0; i < 8; i++)
      await store.append('discipline-case-a', 'any', [
        { type: 'E', data: { i }, effectiveDate: '2024-01-01' },
      ]);
  });
  afterAll(() => db.drop());

  const positions = async (cache: StreamCache, from: number, to: number) => {
    const batch = await new PostgresEventStore(db.pool).readAll(from - 1, to - from + 1);
    const client = await db.pool.connect();
    try {
      await cache.begin(client, batch);
      const state = await cache.advance(client, 'discipline-case-a', batch);
      cache.end(batch);
      return state.events!.map((e) => e.globalPosition);
    } finally {
      client.release();
    }
  };

  it('extends cached streams batch after batch, and starts over when a batch repeats or skips', async () => {
    const cache = new StreamCache();
    expect(await positions(cache, 1, 2)).toEqual([1, 2]);
    expect(await positions(cache, 3, 4)).toEqual([1, 2, 3, 4]);
    // The same batch again (a retry after a failed commit): nothing doubled.
    expect(await positions(cache, 3, 4)).toEqual([1, 2, 3, 4]);
    // A batch that skips position 5 (applied by another runner): read again from the database.
    expect(await positions(cache, 6, 7)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('starts over after a batch that failed half-way, when the same batch is tried again', async () => {
    const cache = new StreamCache();
    expect(await positions(cache, 1, 2)).toEqual([1, 2]);
    // Batch 3–4 is begun and its events applied, then it fails before it ends (a failed write).
    const batch = await new PostgresEventStore(db.pool).readAll(2, 2);
    const client = await db.pool.connect();
    try {
      expect(await cache.begin(client, batch)).toBe(true);
      await cache.advance(client, 'discipline-case-a', batch);
    } finally {
      client.release();
    }
    // The retry right after position 2 does not continue what the failed attempt changed.
    expect(await positions(cache, 3, 4)).toEqual([1, 2, 3, 4]);
  });
});
