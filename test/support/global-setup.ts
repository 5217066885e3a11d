import { join } from 'node:path';
import { startEmbeddedPostgres } from '../../libs/database/src/embedded-postgres';

/**
 * Tests run on a real PostgreSQL: the one named by DATABASE_URL, or else an embedded one
 * started here once for the whole run. Each test file then creates its own database in it.
 */
export default async (): Promise<void> => {
  if (process.env.DATABASE_URL) {
    process.env.TEST_ADMIN_DATABASE_URL = process.env.DATABASE_URL;
    return;
  }
  const server = await startEmbeddedPostgres({ dataDir: join(__dirname, '..', '..', '.tmp', 'test-pg') });
  process.env.TEST_ADMIN_DATABASE_URL = server.url;
  (globalThis as { __embeddedPostgres?: { stop(): Promise<void> } }).__embeddedPostgres = server;
};
