import { join } from 'node:path';
import { startEmbeddedPostgres } from '../../libs/database/src/embedded-postgres';

/**
 * Tests run on a real PostgreSQL: the one named by DATABASE_URL, or else an embedded one
 * started here for this run alone (its own directory, so parallel runs never stop each
 * other's server). Each test file then creates its own database in it.
 */
export default async (): Promise<void> => {
  if (process.env.DATABASE_URL) {
    process.env.TEST_ADMIN_DATABASE_URL = process.env.DATABASE_URL;
    return;
  }
  const dataDir = join(__dirname, '..', '..', '.tmp', `test-pg-${process.pid}`);
  const server = await startEmbeddedPostgres({ dataDir });
  process.env.TEST_ADMIN_DATABASE_URL = server.url;
  (globalThis as Record<string, unknown>).__embeddedPostgres = { server, dataDir };
};
