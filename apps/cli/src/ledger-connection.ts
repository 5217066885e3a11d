import { Injectable } from '@nestjs/common';
import { Pool } from 'pg';
import { openDatabase, runMigrations, validateConfig } from '@ledger/database';
import { ledgerPool, PostgresEventStore } from '@ledger/event-store';

export interface Connection {
  url: string;
  pool: Pool;
  store: PostgresEventStore;
  close(): Promise<void>;
}

/**
 * Opens the database the environment names, as the API does: DATABASE_URL, or the embedded
 * PostgreSQL in DATA_DIR (attached to when the API is running on it, started otherwise).
 */
@Injectable()
export class LedgerConnection {
  async open(options: { migrate?: boolean } = {}): Promise<Connection> {
    const config = validateConfig(process.env);
    const database = await openDatabase(config, (m) => process.stderr.write(`${m}\n`));
    if (options.migrate !== false) await runMigrations(database.url);
    const pool = ledgerPool(database.url, 4);
    pool.on('error', () => undefined);
    return {
      url: database.url,
      pool,
      store: new PostgresEventStore(pool),
      close: async () => {
        await pool.end();
        await database.close();
      },
    };
  }
}
