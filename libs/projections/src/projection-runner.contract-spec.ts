import { PostgresEventStore, StoredEvent } from '@ledger/event-store';
import { createTestDatabase } from '../../../test/support/test-database';
import { ProjectionRunner } from './projection-runner';
import { Projector } from './projector';

/** Remembers the positions of the batches it is given; writes nothing but the runner's checkpoint. */
class Recorder implements Projector {
  readonly name = 'recorder';
  readonly batches: number[][] = [];
  async apply(_client: unknown, batch: StoredEvent[]): Promise<void> {
    this.batches.push(batch.map((e) => e.globalPosition));
  }
}

const event = { type: 'A', data: {}, effectiveDate: '2024-01-01' };

describe('a live ProjectionRunner that gathers appends (lingerMs)', () => {
  it('stops gathering when a query waits for the read models: waitForHead is answered at once, not after the linger', async () => {
    const db = await createTestDatabase();
    const store = new PostgresEventStore(db.pool);
    const recorder = new Recorder();
    const runner = new ProjectionRunner(db.pool, store, recorder, {
      synchronousCommit: false,
      lingerMs: 60_000,
    });
    try {
      await runner.start();
      await store.append('s-1', 'no_stream', [event]);
      // The first append is applied at once (the runner was idle); then it lingers for a minute.
      for (let i = 0; i < 100 && runner.position < 1; i++) await new Promise((r) => setTimeout(r, 50));
      expect(runner.position).toBe(1);
      await store.append('s-2', 'no_stream', [event]);
      await store.append('s-3', 'no_stream', [event]);
      // Lingering: not applied yet …
      await new Promise((r) => setTimeout(r, 300));
      expect(runner.position).toBe(1);
      // … until a query waits for them.
      expect(await runner.waitForHead(5_000)).toBe(true);
      expect(recorder.batches).toEqual([[1], [2, 3]]);
      // Caught up: nothing to hurry, and the answer is at once.
      expect(await runner.waitForHead(5_000)).toBe(true);
    } finally {
      await runner.stop();
      await db.drop();
    }
  });
});
