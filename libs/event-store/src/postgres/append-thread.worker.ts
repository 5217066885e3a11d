import { Pool } from 'pg';
import { parentPort, workerData } from 'node:worker_threads';
import { AppendReply, SentError } from './append-thread';
import { ledgerTypes } from './pg-types';
import { PostgresEventStore } from './postgres-event-store';
import { prepareJson } from './prepared-json';

/**
 * The worker side of AppendThread: appends each message in order and answers it. After one
 * fails, every later one is refused with its error and nothing more is written.
 */
const pool = new Pool({
  connectionString: (workerData as { databaseUrl: string }).databaseUrl,
  max: 2,
  types: ledgerTypes,
});
pool.on('error', () => undefined);
// The only writer while a bulk load runs, as a rule: the versions it wrote need not be read again.
const store = new PostgresEventStore(pool, { rememberVersions: true });
let queue = Promise.resolve();
let failed: SentError | undefined;

parentPort!.on('message', (message) => {
  // What needs no lock is done on arrival, while the append before this one waits for PostgreSQL
  // (an event it cannot make JSON of is refused by appendMany, with the append's own error).
  if (message !== 'close' && !failed)
    try {
      prepareJson(message.appends);
    } catch {
      // appendMany meets it again
    }
  queue = queue.then(async () => {
    if (message === 'close') {
      await pool.end();
      parentPort!.close();
      return;
    }
    const { id, appends, options } = message;
    let reply: AppendReply;
    if (failed) reply = { id, error: failed };
    else
      try {
        reply = { id, result: await store.appendMany(appends, options) };
      } catch (error) {
        const e = error as Error;
        // Own enumerable fields only (a pg error's code, detail …), as plain values that can be cloned.
        failed = { name: e.name, message: e.message, fields: JSON.parse(JSON.stringify({ ...e })) };
        reply = { id, error: failed };
      }
    parentPort!.postMessage(reply);
  });
  // A failure outside an append (closing the pool) ends the thread; the caller hears of it by its exit.
  queue = queue.catch((error) => {
    process.stderr.write(`append thread: ${(error as Error).message}\n`);
    process.exit(1);
  });
});
