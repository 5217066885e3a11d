import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnModuleDestroy,
  ServiceUnavailableException,
} from '@nestjs/common';
import { Pool } from 'pg';
import { DATABASE_URL, PG_POOL } from '@ledger/database';
import { EVENT_STORE, EventStore, PostgresEventStore } from '@ledger/event-store';
import {
  LedgerProjector,
  LIVE_RUNNER_OPTIONS,
  LiveProjection,
  ProjectionRunner,
  projectionThreadAvailable,
  ProjectionThread,
  SqlPointInTime,
} from '@ledger/projections';

/** How long a query waits for the read models to include every command answered before it. */
const READ_YOUR_WRITES_MS = 10_000;

/** Runs the projector while the app runs, and answers queries once the read models have caught up. */
@Injectable()
export class ProjectionsService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Projections');
  readonly live: LiveProjection;
  readonly pointInTime: SqlPointInTime;

  constructor(
    @Inject(PG_POOL) pool: Pool,
    @Inject(DATABASE_URL) databaseUrl: string,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {
    const log = (m: string) => this.logger.warn(m);
    // The built app projects on a thread of its own (ProjectionThread); sources run by the tests
    // have no built worker, and project in the app's thread: the same runner either way.
    this.live =
      projectionThreadAvailable() && store instanceof PostgresEventStore
        ? new ProjectionThread(databaseUrl, store, log)
        : new ProjectionRunner(pool, store, new LedgerProjector(), { ...LIVE_RUNNER_OPTIONS, log });
    this.pointInTime = new SqlPointInTime(pool);
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.live.start();
    this.logger.log(
      `Projector ${this.live.name} follows the log from position ${this.live.position}` +
        (this.live instanceof ProjectionThread ? ' on a thread of its own' : ''),
    );
  }

  async onModuleDestroy(): Promise<void> {
    await this.live.stop();
  }

  /** Read-your-writes: a query issued after a command has returned sees that command's effects. */
  async ready(): Promise<SqlPointInTime> {
    if (!(await this.live.waitForHead(READ_YOUR_WRITES_MS)))
      throw new ServiceUnavailableException('The read models are behind the log; retry shortly');
    return this.pointInTime;
  }

  async lag(): Promise<{ position: number; head: number; lag: number }> {
    const head = (await this.store.head()).position;
    return { position: this.live.position, head, lag: head - this.live.position };
  }
}
