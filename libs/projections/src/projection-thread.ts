import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { PostgresEventStore } from '@ledger/event-store';
import { CommittedPosition } from './committed-position';
import { LiveProjection } from './projection-runner';

/** What the thread is given. */
export interface ProjectionThreadData {
  databaseUrl: string;
  /** The runner's lingerMs, when not LIVE_RUNNER_OPTIONS' (tests). */
  lingerMs?: number;
}

/** What the thread sends back: where its read models start and each batch it commits, its warnings. */
export type ProjectionThreadMessage = { started: number } | { committed: number } | { log: string };

/**
 * What the thread is sent: an append this app committed (wakes it), that a query waits for the
 * read models (ends the runner's gathering of appends: ProjectionRunner.hurry), or the order to stop.
 */
export type ProjectionThreadOrder = { appended: number } | 'hurry' | 'stop';

const WORKER = join(__dirname, 'projection-thread.worker.js');

/** A thread needs the built worker beside this file: sources run by ts-jest have none. */
export const projectionThreadAvailable = (): boolean => existsSync(WORKER);

/** How long to wait before starting a thread that died again (it resumes from its checkpoint). */
const RESTART_MS = 1_000;
const MAX_RESTART_MS = 60_000;
/** How long a thread asked to stop may take before it is ended. */
const STOP_MS = 10_000;

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
  private thread?: Worker;
  private readonly committed = new CommittedPosition(async () => (await this.store.head()).position);
  private stopping = false;
  private restarting?: NodeJS.Timeout;
  private unsubscribe?: () => void;

  /** The thread's projector: LedgerProjector on the live tables. */
  readonly name = 'ledger';

  constructor(
    private readonly databaseUrl: string,
    /** The app's store: its appends wake the thread, and its head is what waitForHead waits for. */
    private readonly store: PostgresEventStore,
    private readonly log: (message: string) => void,
    /** The built worker's path, for a caller that is not itself built (tests run from sources). */
    private readonly worker = WORKER,
    /** The runner's lingerMs, when not LIVE_RUNNER_OPTIONS' (tests). */
    private readonly lingerMs?: number,
  ) {}

  get position(): number {
    return this.committed.position;
  }

  /** Resolves once the thread has read its checkpoint and follows the log. */
  async start(): Promise<void> {
    this.stopping = false;
    this.unsubscribe = this.store.onAppend((appended) => this.send({ appended }));
    try {
      await this.spawn();
    } catch (error) {
      this.unsubscribe();
      throw error;
    }
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.unsubscribe?.();
    clearTimeout(this.restarting);
    const worker = this.thread;
    if (!worker) return;
    const exited = new Promise((resolve) => worker.once('exit', resolve));
    this.send('stop');
    // A thread that does not end on its own (its database gone) is ended: what it committed stays.
    const stuck = setTimeout(() => void worker.terminate(), STOP_MS);
    await exited;
    clearTimeout(stuck);
  }

  waitForHead(timeoutMs: number): Promise<boolean> {
    return this.committed.waitForHead(timeoutMs, () => this.send('hurry'));
  }

  private spawn(): Promise<void> {
    return new Promise((resolve, reject) => {
      let started = false;
      const worker = new Worker(this.worker, {
        workerData: { databaseUrl: this.databaseUrl, lingerMs: this.lingerMs } satisfies ProjectionThreadData,
      });
      this.thread = worker;
      worker.on('message', (m: ProjectionThreadMessage) => {
        if ('log' in m) return this.log(m.log);
        if ('started' in m) {
          started = true;
          resolve();
        }
        this.committed.moveTo('started' in m ? m.started : m.committed);
      });
      worker.on('error', (error) => this.log(`projection thread failed: ${error.message}`));
      worker.on('exit', (code) => {
        if (this.thread === worker) this.thread = undefined;
        if (!started)
          return reject(new Error(`the projection thread exited (code ${code}) before it started`));
        if (this.stopping) return;
        // Not asked to stop: start it again; it resumes after its last committed batch.
        this.log(`projection thread exited (code ${code}); starting it again`);
        this.restart(RESTART_MS);
      });
    });
  }

  /** Starts the thread again after `delayMs`; a start that fails is tried again, twice as late each time (at most a minute). */
  private restart(delayMs: number): void {
    this.restarting = setTimeout(() => {
      if (this.stopping) return;
      this.spawn().catch((error: Error) => {
        const next = Math.min(delayMs * 2, MAX_RESTART_MS);
        this.log(`${error.message}; trying again in ${next / 1000} s`);
        this.restart(next);
      });
    }, delayMs);
  }

  private send(order: ProjectionThreadOrder): void {
    this.thread?.postMessage(order);
  }
}
