import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnModuleDestroy,
  ServiceUnavailableException,
} from '@nestjs/common';
import { Pool } from 'pg';
import { PG_POOL } from '@ledger/database';
import { EVENT_STORE, EventStore } from '@ledger/event-store';
import { LedgerProjector, ProjectionRunner, SqlPointInTime } from '@ledger/projections';

/** How long a query waits for the read models to include every command answered before it. */
const READ_YOUR_WRITES_MS = 10_000;

/** Runs the projector while the app runs, and answers queries once the read models have caught up. */
@Injectable()
export class ProjectionsService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Projections');
  readonly runner: ProjectionRunner;
  readonly pointInTime: SqlPointInTime;

  constructor(
    @Inject(PG_POOL) pool: Pool,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {
    this.runner = new ProjectionRunner(pool, store, new LedgerProjector(), {
      // The projector's commits do not wait for the disk (see RunnerOptions): it follows every
      // append, and a flush per batch was time taken from the appends on the same disk and cores.
      synchronousCommit: false,
      log: (m) => this.logger.warn(m),
    });
    this.pointInTime = new SqlPointInTime(pool);
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.runner.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.runner.stop();
  }

  /** Read-your-writes: a query issued after a command has returned sees that command's effects. */
  async ready(): Promise<SqlPointInTime> {
    if (!(await this.runner.waitForHead(READ_YOUR_WRITES_MS)))
      throw new ServiceUnavailableException('The read models are behind the log; retry shortly');
    return this.pointInTime;
  }

  async lag(): Promise<{ position: number; head: number; lag: number }> {
    const head = (await this.store.head()).position;
    return { position: this.runner.position, head, lag: head - this.runner.position };
  }
}
