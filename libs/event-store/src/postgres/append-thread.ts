import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { ConcurrencyError, IdempotencyConflictError, InvalidAppendError } from '../errors';
import { AppendOptions, AppendResult, StreamAppend } from '../envelope';

/** An error as it crosses from the worker: its class's name, message and fields. */
export interface SentError {
  name: string;
  message: string;
  fields: Record<string, unknown>;
}

export type AppendReply = { id: number; result: AppendResult } | { id: number; error: SentError };

/**
 * PostgresEventStore.appendMany on a worker thread of its own, for bulk loads (`generate`, the
 * benchmark): the envelopes, their hash chain and the INSERT's parameters are made there, so the
 * thread that decides the events (the generator's simulation) goes on meanwhile instead of
 * waiting. The same store code appends, with every check it makes; only the thread differs.
 * Appends are written in the order they are called, one at a time, and once one fails every
 * later one is refused with its error: a caller may send the next append before the one before
 * has answered (the generator keeps two on their way) without ever leaving a gap in what it
 * wrote. Each append's JSON is made as it arrives, while the one before it is being written.
 */
export class AppendThread {
  private readonly waiting = new Map<
    number,
    { resolve: (r: AppendResult) => void; reject: (e: Error) => void }
  >();
  private next = 0;
  private failed?: Error;
  private exited = false;
  /** See the class: an append after a failed one is refused, never written. */
  readonly refusesAfterFailure = true;

  private constructor(private readonly worker: Worker) {
    worker.on('message', (reply: AppendReply) => {
      const waiter = this.waiting.get(reply.id);
      this.waiting.delete(reply.id);
      if ('result' in reply) waiter?.resolve(reply.result);
      else waiter?.reject(received(reply.error));
    });
    worker.on('error', (error) => this.fail(error));
    worker.on('exit', (code) => {
      this.exited = true;
      this.fail(new Error(`the append thread exited (code ${code})`));
    });
  }

  /** Starts the thread on its own connection pool to `databaseUrl`. */
  static start(databaseUrl: string): AppendThread {
    return new AppendThread(
      new Worker(join(__dirname, 'append-thread.worker.js'), { workerData: { databaseUrl } }),
    );
  }

  appendMany(appends: StreamAppend[], options: AppendOptions = {}): Promise<AppendResult> {
    if (this.failed) return Promise.reject(this.failed);
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.worker.postMessage({ id, appends, options });
    });
  }

  /** Waits for the appends sent, closes the thread's pool and ends the thread. */
  async close(): Promise<void> {
    if (this.exited) return;
    const exited = new Promise((resolve) => this.worker.once('exit', resolve));
    this.worker.postMessage('close');
    await exited;
  }

  private fail(error: Error): void {
    this.failed ??= error;
    for (const { reject } of this.waiting.values()) reject(error);
    this.waiting.clear();
  }
}

/** The store's own error classes are rebuilt, so that callers can tell a ConcurrencyError. */
function received({ name, message, fields }: SentError): Error {
  if (name === 'ConcurrencyError')
    return new ConcurrencyError(
      fields.streamId as string,
      fields.expected as number | 'no_stream',
      fields.actual as number,
    );
  if (name === 'IdempotencyConflictError')
    return new IdempotencyConflictError(fields.idempotencyKey as string);
  if (name === 'InvalidAppendError') return new InvalidAppendError(message);
  return Object.assign(new Error(message), fields, { name });
}
