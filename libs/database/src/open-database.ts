import { Client } from 'pg';
import { startEmbeddedPostgres } from './embedded-postgres';
import { LedgerConfig } from './config';
import { StartupError } from './startup-error';

export interface OpenDatabase {
  readonly url: string;
  readonly embedded: boolean;
  /** Stops the embedded server when this process owns it; a no-op for an external server. */
  close(): Promise<void>;
}

/** The database the config names, or an embedded one; fails with one clear message when unreachable. */
export async function openDatabase(config: LedgerConfig, log: (m: string) => void): Promise<OpenDatabase> {
  if (config.DATABASE_URL) {
    await checkReachable(config.DATABASE_URL);
    return { url: config.DATABASE_URL, embedded: false, close: async () => undefined };
  }
  const server = await startEmbeddedPostgres({ dataDir: config.DATA_DIR, log });
  return { url: server.url, embedded: true, close: () => server.stop() };
}

export async function checkReachable(url: string): Promise<void> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query('select 1');
  } catch (error) {
    throw new StartupError(
      `Cannot reach the database at ${redact(url)}: ${(error as Error).message || String(error)}`,
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** The URL without its password, for messages and logs. */
export const redact = (url: string): string => url.replace(/(\/\/[^:/@]+):[^@]*@/, '$1:***@');
