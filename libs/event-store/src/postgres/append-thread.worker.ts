import { Pool } from 'pg';
import { parentPort, workerData } from 'node:worker_threads';
import { AppendReply } from './append-thread';
import { ledgerTypes } from './pg-types';
import { PostgresEventStore } from './postgres-event-store';

/** The worker side of AppendThread: appends each message in order and answers it. */
const pool = new Pool({
  connectionString: (workerData as { databaseUrl: string }).databaseUrl,
  max: 2,
  types: ledgerTypes,
});
pool.on('error', () => undefined);
const store = new PostgresEventStore(pool);
let queue = Promise.resolve();

parentPort!.on('message', (message) => {
  queue = queue.then(async () => {
    if (message === 'close') {
      await pool.end();
      parentPort!.close();
      return;
    }
    const { id, appends, options } = message;
    let reply: AppendReply;
    try {
      reply = { id, result: await store.appendMany(appends, options) };
    } catch (error) {
      const e = error as Error;
      // Own enumerable fields only (a pg error's code, detail …), as plain values that can be cloned.
      reply = {
        id,
        error: { name: e.name, message: e.message, fields: JSON.parse(JSON.stringify({ ...e })) },
      };
    }
    parentPort!.postMessage(reply);
  });
  // A failure outside an append (closing the pool) ends the thread; the caller hears of it by its exit.
  queue = queue.catch((error) => {
    process.stderr.write(`append thread: ${(error as Error).message}\n`);
    process.exit(1);
  });
});
