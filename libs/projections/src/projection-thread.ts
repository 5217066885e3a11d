import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { PostgresEventStore } from '@ledger/event-store';
import { LiveProjection } from './projection-runner';

/** What the thread is given. */
export interface ProjectionThreadData {
  databaseUrl: string;
}

/** What the thread sends back: where its read models start and each batch it commits, its warnings. */
export type ProjectionThreadMessage = { started: number } | { committed: number } | { log: string };

/** What the thread is sent: an append this app committed (wakes it), or the order to stop. */
export type ProjectionThreadOrder = { appended: number } | 'stop';

const WORKER = join(__dirname, 'projection-thread.worker.js');

/** A thread needs the built worker beside this file: sources run by ts-jest have none. */
export const projectionThreadAvailable = (): boolean => existsSync(WORKER);

/** How long to wait before starting a thread that died again (it resumes from its checkpoint). */
const RESTART_MS = 1_000;

/**
 * The live projector (ProjectionRunner with LedgerProjector) on a worker thread of its own, with a
 * pool of its own: batches are read, computed and written there, so a burst of appends is
 * projected on the second core instead of between the app's requests (measured: the projector
 * took about a tenth of the app's thread). Each append this app commits wakes it, as its own
 * appends wake a runner in the app's thread; what it commits is reported back, so that
 * read-your-writes (waitForHead) and /health answer as they did. Nothing else changes: the same
 * runner applies the same batches with their checkpoint in one transaction, so a thread that dies
 * (or a process killed) resumes after its last committed batch.
 */
export class ProjectionThread implements LiveProjection {
  private worker?: Worker;
  private committed = 0;
  private stopping = false;
  private unsubscribe?: () => void;
  private readonly waiters: { position: number; resolve: () => void }[] = [];

  constructor(
    private readonly databaseUrl: string,
    /** The app's store: its appends wake the thread, and its head is what waitForHead waits for. */
    private readonly store: PostgresEventStore,
    private readonly log: (message: string) => void,
    readonly name = 'ledger',
  ) {}

  get position(): number {
    return this.committed;
  }

  /** Resolves once the thread has read its checkpoint and follows the log. */
  async start(): Promise<void> {
    this.stopping = false;
    this.unsubscribe = this.store.onAppend((appended) => this.send({ appended }));
    await this.spawn();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.unsubscribe?.();
    const worker = this.worker;
    if (!worker) return;
    const exited = new Promise((resolve) => worker.once('exit', resolve));
    this.send('stop');
    await exited;
  }

  async waitForHead(timeoutMs: number): Promise<boolean> {
    const head = (await this.store.head()).position;
    if (this.committed >= head) return true;
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      this.waiters.push({ position: head, resolve: () => (clearTimeout(timer), resolve(true)) });
    });
  }

  private spawn(): Promise<void> {
    return new Promise((resolve, reject) => {
      let started = false;
      const worker = new Worker(WORKER, {
        workerData: { databaseUrl: this.databaseUrl } satisfies ProjectionThreadData,
      });
      this.worker = worker;
      worker.on('message', (m: ProjectionThreadMessage) => {
        if ('log' in m) return this.log(m.log);
        if ('started' in m) {
          started = true;
          resolve();
        }
        this.moved('started' in m ? m.started : m.committed);
      });
      worker.on('error', (error) => this.log(`projection thread failed: ${error.message}`));
      worker.on('exit', (code) => {
        if (this.worker === worker) this.worker = undefined;
        if (!started)
          return reject(new Error(`the projection thread exited (code ${code}) before it started`));
        if (this.stopping) return;
        // Not asked to stop: start it again; it resumes after its last committed batch.
        this.log(`projection thread exited (code ${code}); starting it again`);
        setTimeout(() => {
          if (!this.stopping) this.spawn().catch((e: Error) => this.log(e.message));
        }, RESTART_MS);
      });
    });
  }

  private send(order: ProjectionThreadOrder): void {
    this.worker?.postMessage(order);
  }

  private moved(position: number): void {
    this.committed = position;
    for (let i = this.waiters.length - 1; i >= 0; i--)
      if (this.waiters[i].position <= position) this.waiters.splice(i, 1)[0].resolve();
  }
}
