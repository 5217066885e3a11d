import { ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';

/** One timed request: what the load process sends, and the status it must answer. */
export interface LoadRequest {
  method: 'GET' | 'POST';
  path: string;
  body?: object;
  status: number;
}

export type LoadOrder = { id: number; baseUrl: string; requests: LoadRequest[]; clients: number };
/** Each request's duration, and the wall time of them all, in ms. */
export interface LoadTimes {
  durations: number[];
  elapsedMs: number;
}

export type LoadReply = ({ id: number } & LoadTimes) | { id: number; error: string };

/**
 * The benchmark's HTTP load, sent from a process of its own with Node's default flags. The
 * benchmark's own process keeps the generated province's remains and runs with a 64 MB young
 * generation (for the import), whose collections paused its event loop for up to 30 ms: timed
 * from there, an answer's latency included the client's pauses as well as the app's (16 clients
 * on the 300,000-member database, three pairs: P99 26.8, 28.2, 23.1 ms from a client with the
 * benchmark's flags against 22.0, 23.1, 20.0 with the defaults).
 */
export class LoadProcess {
  private next = 0;
  private exited = false;
  private readonly waiting = new Map<
    number,
    { resolve: (t: LoadTimes) => void; reject: (e: Error) => void }
  >();

  private constructor(
    private readonly child: ChildProcess,
    private readonly baseUrl: string,
  ) {
    child.on('message', (reply: LoadReply) => {
      const waiter = this.waiting.get(reply.id);
      this.waiting.delete(reply.id);
      if ('durations' in reply) waiter?.resolve(reply);
      else waiter?.reject(new Error(reply.error));
    });
    child.on('exit', (code) => {
      this.exited = true;
      for (const { reject } of this.waiting.values())
        reject(new Error(`the load process exited (code ${code})`));
      this.waiting.clear();
    });
  }

  static start(baseUrl: string): LoadProcess {
    // No execArgv: none of the benchmark's own flags (its heap and young generation sizes).
    return new LoadProcess(fork(join(__dirname, 'load-process.child.js'), [], { execArgv: [] }), baseUrl);
  }

  /** Sends the requests with `clients` at a time, timed there (rejects on a wrong status). */
  run(requests: LoadRequest[], clients: number): Promise<LoadTimes> {
    if (this.exited || !this.child.connected) return Promise.reject(new Error('the load process has exited'));
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.child.send({ id, baseUrl: this.baseUrl, requests, clients } satisfies LoadOrder, (error) => {
        if (!error) return;
        this.waiting.delete(id);
        reject(error);
      });
    });
  }

  close(): Promise<void> {
    if (this.exited || !this.child.connected) return Promise.resolve();
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.disconnect();
    return exited;
  }
}
