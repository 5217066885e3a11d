import { parentPort, workerData } from 'node:worker_threads';
import { ledgerPool } from '@ledger/event-store';
import { replayRange, ReplayMessage, ReplayWork } from './stream-replay';

/** The worker side of replayStreams' second part: replays its range and sends back what the closure needs. */
const work = workerData as ReplayWork;
const pool = ledgerPool(work.databaseUrl, 2);
pool.on('error', () => undefined);
const send = (message: ReplayMessage) => parentPort!.postMessage(message);

replayRange(pool, work.tables, work.upTo, work.range, (progress) => send({ progress }), work.pageSize)
  .then(
    (result) => send({ result }),
    (error: Error) => send({ error: { message: error.message, stack: error.stack } }),
  )
  .finally(() => pool.end());
