import { join } from 'node:path';
import type { AppendThread as AppendThreadClass } from '../libs/event-store/src/postgres/append-thread';
import type { ConcurrencyError as ConcurrencyErrorClass } from '../libs/event-store/src/errors';
import { createTestDatabase, TestDatabase } from './support/test-database';

// The built classes: the thread's worker is the built `append-thread.worker.js` beside it, and
// the errors it rebuilds are the built ones.
const BUILT = join(__dirname, '..', 'dist', 'libs', 'event-store', 'src');
let AppendThread: typeof AppendThreadClass;
let ConcurrencyError: typeof ConcurrencyErrorClass;

const meeting = (day: string) => ({
  type: 'MeetingRecorded',
  data: { heldOn: day },
  effectiveDate: day,
  metadata: { source: 'test' },
});

describe('AppendThread (built)', () => {
  let db: TestDatabase;
  let thread: AppendThreadClass;
  beforeAll(async () => {
    ({ AppendThread } = await import(join(BUILT, 'postgres', 'append-thread.js')));
    ({ ConcurrencyError } = await import(join(BUILT, 'errors.js')));
    db = await createTestDatabase();
    thread = AppendThread.start(db.url);
  });
  afterAll(async () => {
    await thread?.close();
    await db?.drop();
  });

  it('refuses every append sent after one that failed, so that what it wrote has no gap', async () => {
    // Sent together, none awaited before the next is sent (as the generator sends two batches).
    const first = thread.appendMany([
      { streamId: 'organization-a', expectedVersion: 'no_stream', events: [meeting('2020-01-01')] },
    ]);
    const refused = thread.appendMany([
      { streamId: 'organization-a', expectedVersion: 'no_stream', events: [meeting('2020-02-01')] },
    ]);
    const after = thread.appendMany([
      { streamId: 'organization-b', expectedVersion: 'no_stream', events: [meeting('2020-03-01')] },
    ]);
    const outcomes = await Promise.allSettled([first, refused, after]);
    expect(outcomes[0]).toMatchObject({ status: 'fulfilled', value: { lastPosition: 1 } });
    expect(outcomes[1]).toMatchObject({ status: 'rejected', reason: expect.any(ConcurrencyError) });
    // The third would have been accepted alone: it is refused with the first failure's error.
    expect(outcomes[2]).toMatchObject({ status: 'rejected', reason: expect.any(ConcurrencyError) });
    expect((outcomes[2] as PromiseRejectedResult).reason.message).toBe(
      (outcomes[1] as PromiseRejectedResult).reason.message,
    );
    const log = await db.pool.query(
      'SELECT stream_id, stream_version FROM ledger_events ORDER BY global_position',
    );
    expect(log.rows).toEqual([{ stream_id: 'organization-a', stream_version: 0 }]);
  });
});
