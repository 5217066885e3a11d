import { DynamicModule, Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { Logger } from '@nestjs/common';
import { Pool } from 'pg';
import { EVENT_STORE, ledgerPool, PostgresEventStore, StoredEvent } from '@ledger/event-store';

/** Injection token for the node-postgres pool. */
export const PG_POOL = Symbol('PG_POOL');
/** Injection token for the database URL the pool connects to (a thread with a pool of its own uses it too). */
export const DATABASE_URL = Symbol('DATABASE_URL');

export interface DatabaseModuleOptions {
  url: string;
  /** Upcasts old event shapes on read (the domain's upcasters). */
  upcast?: (event: StoredEvent) => StoredEvent;
  poolSize?: number;
}

/** Last of all on shutdown: projectors and requests stop (onModuleDestroy) before the pool closes. */
class PoolCloser implements OnApplicationShutdown {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}
  async onApplicationShutdown(): Promise<void> {
    await this.pool.end();
  }
}

/** The pool and the event store for a database URL that `openDatabase` has already checked. */
@Global()
@Module({})
export class DatabaseModule {
  static forRoot(options: DatabaseModuleOptions): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [
        { provide: DATABASE_URL, useValue: options.url },
        {
          provide: PG_POOL,
          useFactory: () => {
            const pool = ledgerPool(options.url, options.poolSize ?? 10);
            // Without a listener, an idle client losing its connection (a database restart) would crash the process.
            const logger = new Logger('Database');
            pool.on('error', (error) => logger.warn(`Idle database connection lost: ${error.message}`));
            return pool;
          },
        },
        {
          provide: EVENT_STORE,
          inject: [PG_POOL],
          useFactory: (pool: Pool) => new PostgresEventStore(pool, { upcast: options.upcast }),
        },
        PoolCloser,
      ],
      exports: [DATABASE_URL, PG_POOL, EVENT_STORE],
    };
  }
}
