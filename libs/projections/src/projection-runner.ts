import { Pool, PoolClient, QueryResult } from 'pg';
import { EventStore, StoredEvent, subscribe, Subscription } from '@ledger/event-store';
import { CommittedPosition } from './committed-position';
import { Projector } from './projector';

export interface RunnerOptions {
  batchSize?: number;
  /** catchUp extends a batch to the end of its last append (default true; tests turn it off to split appends). */
  wholeAppends?: boolean;
  log?: (message: string) => void;
  /**
   * false: a batch's commit does not wait for the disk. A crash may then lose the last batches,
   * their checkpoint with them (one transaction), so they are applied again from the log and give
   * the same rows: a read model is derived, the log is what must be durable (its appends always
   * wait for the disk).
   */
  synchronousCommit?: boolean;
  /**
   * catchUp computes the next batch while the previous one is written and committed (on another
   * connection), when the projector can (`prepare`): the database and the projector's
   * computation then run side by side instead of waiting for each other.
   */
  pipeline?: boolean;
  /** Called after each batch is committed, with the position the read models now hold. */
  onCommitted?: (position: number) => void;
  /**
   * A live runner: how long it gathers the appends that follow a batch before applying them as the
   * next one (the subscription's lingerMs); ended at once by anyone waiting for the read models.
   */
  lingerMs?: number;
}

/**
 * How an app's live projector runs (in the app's thread or on one of its own): its commits do not
 * wait for the disk (see synchronousCommit). It follows every append, and a flush per batch was
 * time taken from the appends on the same disk and cores. Under a steady stream of appends it
 * applies what 20 ms brought as one batch: a batch costs its reads, its transaction and its
 * statements whatever its size (measured, 16 clients recording meetings in a 30,000-member
 * province, eight alternated trials of 6,000 appends: the app's CPU 6.8–9.5 s with a batch per
 * group of appends, 5.9–8.1 s with 20 ms gathered; 774–1,072 appends/s against 853–1,225). A
 * query never waits for the 20 ms: waiting for the read models ends the gathering (waitForHead).
 */
export const LIVE_RUNNER_OPTIONS: RunnerOptions = { synchronousCommit: false, lingerMs: 20 };

/**
 * The live projection an app runs: it follows the log while the app runs, and tells how far the
 * read models have got (ProjectionRunner in the app's thread, or ProjectionThread on one of its own).
 */
export interface LiveProjection {
  readonly name: string;
  /** The last log position whose effects are committed in the read models. */
  readonly position: number;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Resolves true once the read models include everything the log held when this was called (false: timed out). */
  waitForHead(timeoutMs: number): Promise<boolean>;
}

/**
 * Follows the global log with a catch-up subscription and applies each batch, in order, in one
 * PostgreSQL transaction together with the projector's checkpoint. A crash (even kill -9 in the
 * middle of a batch) rolls the batch back with its checkpoint, so a restart resumes exactly
 * after the last committed batch: no event applied twice, none skipped.
 */
export class ProjectionRunner implements LiveProjection {
  private subscription?: Subscription;
  private readonly committed = new CommittedPosition(async () => (await this.store.head()).position);

  constructor(
    private readonly pool: Pool,
    private readonly store: EventStore,
    private readonly projector: Projector,
    private readonly options: RunnerOptions = {},
  ) {}

  get name(): string {
    return this.projector.name;
  }

  /** The last log position whose effects are committed in the read models. */
  get position(): number {
    return this.committed.position;
  }

  async start(): Promise<void> {
    this.committed.moveTo(await checkpoint(this.pool, this.projector.name));
    this.subscription = subscribe(this.store, {
      from: this.committed.position,
      batchSize: this.options.batchSize ?? 500,
      idleMs: 200,
      lingerMs: this.options.lingerMs,
      handle: (events) => this.applyBatch(events),
      onError: (error) =>
        this.options.log?.(`projection ${this.projector.name} failed, retrying: ${(error as Error).message}`),
    });
  }

  async stop(): Promise<void> {
    await this.subscription?.stop();
    this.subscription = undefined;
  }

  /** Applies every event after the checkpoint until the head, without a subscription (CLI, tests). */
  async catchUp(onProgress?: (position: number, head: number) => void): Promise<number> {
    this.committed.moveTo(await checkpoint(this.pool, this.projector.name));
    const head = (await this.store.head()).position;
    const size = this.options.batchSize ?? 500;
    // Read ahead of the batch being applied, so that it can be extended to the end of its last
    // append (a projector then sees each append whole, and never has to mend rows the previous
    // batch closed at the instant this one carries on) without reading anything twice.
    // The next read is already running (on another connection) while a batch is applied, so the
    // database reads the log while the projector computes.
    const buffer: StoredEvent[] = [];
    let reading: Promise<StoredEvent[]> | undefined;
    let readUpTo = this.committed.position;
    const prefetch = () => {
      if (reading || readUpTo >= head) return;
      reading = this.store.readAll(readUpTo, size);
      // Awaited by the next readMore; should the batch fail first, its error is the one reported.
      reading.catch(() => undefined);
    };
    const readMore = async () => {
      prefetch();
      if (!reading) return 0;
      const more = await reading;
      reading = undefined;
      for (const e of more) buffer.push(e);
      if (more.length > 0) readUpTo = more[more.length - 1].globalPosition;
      else readUpTo = head;
      return more.length;
    };
    // Pipelined batches end where appends end; the first one may carry on an append the checkpoint
    // split (a live runner's batch), and is applied as usual.
    const pipelined = this.options.pipeline && this.options.wholeAppends !== false;
    const prepare = pipelined ? this.projector.prepare?.bind(this.projector) : undefined;
    let first = true;
    // The previous batch being written and committed while this one is prepared (pipeline).
    let writing: Promise<void> | undefined;
    for (let taken = this.committed.position; taken < head;) {
      if (buffer.length < size) await readMore();
      if (buffer.length === 0) break;
      let n = Math.min(size, buffer.length);
      if (this.options.wholeAppends !== false)
        for (;;) {
          while (n < buffer.length && buffer[n].recordedAt === buffer[n - 1].recordedAt) n++;
          if (n < buffer.length || (await readMore()) === 0) break;
        }
      const batch = buffer.splice(0, n);
      taken = batch[batch.length - 1].globalPosition;
      if (buffer.length < size) prefetch();
      if (!prepare || first) {
        first = false;
        await this.applyBatch(batch);
        onProgress?.(this.committed.position, head);
        continue;
      }
      const write = await this.prepared(prepare, batch);
      await writing;
      onProgress?.(this.committed.position, head);
      writing = this.applyBatch(batch, write);
      // Awaited before the next batch is written; should preparing it fail first, that error is reported.
      writing.catch(() => undefined);
    }
    await writing;
    if (writing) onProgress?.(this.committed.position, head);
    return this.committed.position;
  }

  /** The projector's write step for the batch, computed on a connection of its own. */
  private async prepared(
    prepare: NonNullable<Projector['prepare']>,
    batch: StoredEvent[],
  ): Promise<(writer: PoolClient) => Promise<void>> {
    const reader = await this.pool.connect();
    try {
      return await prepare(reader, batch);
    } finally {
      reader.release();
    }
  }

  /** Resolves once the read models include everything the log held when this was called. */
  waitForHead(timeoutMs: number): Promise<boolean> {
    return this.committed.waitForHead(timeoutMs, () => this.hurry());
  }

  /** Someone waits for the read models (here or in another thread): appends are no longer gathered (lingerMs). */
  hurry(): void {
    this.subscription?.hurry();
  }

  /**
   * The batch and its checkpoint in one transaction. `write`: the batch as prepared beforehand,
   * which holds only if nothing was applied since the previous batch (else the batch fails).
   */
  private async applyBatch(
    events: StoredEvent[],
    write?: (writer: PoolClient) => Promise<void>,
  ): Promise<void> {
    let committed: number;
    const client = await this.pool.connect();
    try {
      // A batch of the live projector follows nearly every append: it begins (and locks its
      // checkpoint) in one round trip and ends in another.
      // The checkpoint row is locked for the batch: a second runner (another app instance, or a
      // rebuild swapping tables in) waits, and events already applied by anyone are skipped, so
      // an event is never applied twice whoever runs the projector.
      const applied = await beginBatch(client, this.projector.name, this.options.synchronousCommit !== false);
      if (write && applied !== events[0].globalPosition - 1)
        throw new Error(
          `projection ${this.projector.name}: the checkpoint moved to ${applied} while a batch was prepared after ${events[0].globalPosition - 1}`,
        );
      const fresh = events.filter((e) => e.globalPosition > applied);
      let last = applied;
      if (fresh.length > 0) {
        if (write) await write(client);
        else await this.projector.apply(client, fresh);
        last = fresh[fresh.length - 1].globalPosition;
        await client.query(
          `UPDATE projection_checkpoints SET position = ${Number(last)}, updated_at = now()
            WHERE name = ${client.escapeLiteral(this.projector.name)}; COMMIT`,
        );
      } else await client.query('COMMIT');
      committed = last;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
    this.options.onCommitted?.(committed);
    this.committed.moveTo(committed);
  }
}

/**
 * BEGIN, and the checkpoint locked (lockCheckpoint), in one round trip. `synchronousCommit` false:
 * the transaction's commit does not wait for the disk (RunnerOptions).
 */
async function beginBatch(client: PoolClient, name: string, synchronousCommit: boolean): Promise<number> {
  const results = (await client.query(
    `BEGIN; ${synchronousCommit ? '' : 'SET LOCAL synchronous_commit = off; '}` +
      `SELECT position FROM projection_checkpoints WHERE name = ${client.escapeLiteral(name)} FOR UPDATE`,
  )) as unknown as QueryResult<{ position: string }>[];
  const locked = results[results.length - 1];
  // The first batch ever: no checkpoint row yet.
  return locked.rowCount ? Number(locked.rows[0].position) : lockCheckpoint(client, name);
}

/** The projector's checkpoint, locked until the transaction ends (created at 0 the first time). */
export async function lockCheckpoint(client: PoolClient, name: string): Promise<number> {
  const select = () =>
    client.query<{ position: string }>(
      'SELECT position FROM projection_checkpoints WHERE name = $1 FOR UPDATE',
      [name],
    );
  let row = await select();
  if (row.rowCount === 0) {
    await client.query(
      'INSERT INTO projection_checkpoints (name, position) VALUES ($1, 0) ON CONFLICT (name) DO NOTHING',
      [name],
    );
    row = await select();
  }
  return Number(row.rows[0].position);
}

export async function checkpoint(pool: Pool, name: string): Promise<number> {
  const result = await pool.query<{ position: string }>(
    'SELECT position FROM projection_checkpoints WHERE name = $1',
    [name],
  );
  return result.rowCount ? Number(result.rows[0].position) : 0;
}
