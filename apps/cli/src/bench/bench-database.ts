import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { runMigrations, startEmbeddedPostgres } from '@ledger/database';

export interface BenchDatabase {
  url: string;
  close(): Promise<void>;
}

/**
 * A database of its own for one benchmark run: a new database on the server DATABASE_URL names,
 * or else a fresh embedded PostgreSQL in .tmp/bench. Dropped (or stopped and removed) afterwards,
 * unless `keep`: then it stays, and where it is is logged.
 */
export async function openBenchDatabase(
  databaseUrl: string | undefined,
  log: (m: string) => void,
  keep = false,
): Promise<BenchDatabase> {
  if (databaseUrl) {
    const name = `ledger_bench_${Date.now()}`;
    const admin = new Client({ connectionString: databaseUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const u = new URL(databaseUrl);
    u.pathname = `/${name}`;
    const url = u.toString();
    await runMigrations(url);
    return {
      url,
      close: async () => {
        if (keep) return log(`kept the database ${url}`);
        const c = new Client({ connectionString: databaseUrl });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await c.end();
      },
    };
  }
  const dataDir = join(process.cwd(), '.tmp', 'bench');
  rmSync(dataDir, { recursive: true, force: true });
  const server = await startEmbeddedPostgres({ dataDir, log });
  await runMigrations(server.url);
  return {
    url: server.url,
    close: async () => {
      await server.stop();
      if (keep)
        return log(`kept the embedded PostgreSQL in ${dataDir} (DATA_DIR=${dataDir} npm run cli -- …)`);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
