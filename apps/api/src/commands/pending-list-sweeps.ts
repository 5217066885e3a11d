import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { Pool } from 'pg';
import { PG_POOL } from '@ledger/database';
import { EVENT_STORE, EventStore, PendingListSweeper, PostgresEventStore } from '@ledger/event-store';

/**
 * Keeps the log's GIN pending lists short while the app runs (PendingListSweeper): a sweep at
 * start, in the background, then one every 10,000 events this app appends, so that no append
 * waits for a full list to be moved into its index.
 */
@Injectable()
export class PendingListSweeps implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('PendingListSweeps');
  readonly sweeper: PendingListSweeper;
  private unsubscribe?: () => void;

  constructor(
    @Inject(PG_POOL) pool: Pool,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {
    this.sweeper = new PendingListSweeper(pool, {
      log: (m) => this.logger.warn(m),
      onSwept: (pages, ms) => {
        if (pages > 0) this.logger.log(`Moved ${pages} pending pages into the log's GIN indexes in ${ms} ms`);
      },
    });
  }

  onApplicationBootstrap(): void {
    if (!(this.store instanceof PostgresEventStore)) return;
    this.unsubscribe = this.store.onAppend((lastPosition) => this.sweeper.appended(lastPosition));
    void this.sweeper.sweep();
  }

  /** Before the pool closes: the sweep under way ends, no other starts. */
  async onModuleDestroy(): Promise<void> {
    this.unsubscribe?.();
    await this.sweeper.stopped();
  }
}
