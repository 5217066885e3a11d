import { parentPort, workerData } from 'node:worker_threads';
import { ledgerPool, PostgresEventStore } from '@ledger/event-store';
import { LIVE_RUNNER_OPTIONS, ProjectionRunner } from './projection-runner';
import { ProjectionThreadData, ProjectionThreadMessage, ProjectionThreadOrder } from './projection-thread';
import { LedgerProjector } from './read-models/ledger-projector';

/** The worker side of ProjectionThread: the live runner, as the app's thread would run it. */
const { databaseUrl, lingerMs } = workerData as ProjectionThreadData;
const send = (message: ProjectionThreadMessage) => parentPort!.postMessage(message);
// A batch's connection, the subscription's reads and the head: a few connections are enough.
const pool = ledgerPool(databaseUrl, 3);
pool.on('error', (error) =>
  send({ log: `projection thread: idle database connection lost: ${error.message}` }),
);
const store = new PostgresEventStore(pool);
const runner = new ProjectionRunner(pool, store, new LedgerProjector(), {
  ...LIVE_RUNNER_OPTIONS,
  ...(lingerMs === undefined ? {} : { lingerMs }),
  log: (m) => send({ log: m }),
  onCommitted: (committed) => send({ committed }),
});

let stopping = false;
const started = runner.start().then(
  () => {
    if (!stopping) send({ started: runner.position });
  },
  (error: Error) => {
    send({ log: `projection thread could not start: ${error.message}` });
    process.exit(1);
  },
);

parentPort!.on('message', (order: ProjectionThreadOrder) => {
  if (order === 'stop') {
    stopping = true;
    // Asked to stop while starting: the runner is stopped once it has started, not before.
    void started
      .then(() => runner.stop())
      .then(() => pool.end())
      .finally(() => parentPort!.close());
    return;
  }
  if (order === 'hurry') return runner.hurry();
  store.noticeAppend(order.appended);
});
