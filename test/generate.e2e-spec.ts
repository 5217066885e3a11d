import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { PostgresEventStore } from '../libs/event-store/src/postgres/postgres-event-store';
import { generateProvince } from '../libs/generator/src/generate-province';
import { rebuildReadModels } from '../libs/projections/src/rebuild';
import { dumpReadModels } from './support/read-model-dump';
import { createTestDatabase, TestDatabase } from './support/test-database';

const CLI = join(__dirname, '..', 'dist', 'apps', 'cli', 'src', 'main.js');

/** The built CLI: `generate` appends on a thread of its own (AppendThread), `rebuild` replays half the streams on one. */
const cli = (db: TestDatabase, ...args: string[]) =>
  new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      env: { ...process.env, DATABASE_URL: db.url },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
const generate = (db: TestDatabase, ...args: string[]) => cli(db, 'generate', ...args);

/** What a log says, in order, without the instants (recorded_at) and hashes that depend on them. */
const contents = async (db: TestDatabase) =>
  (
    await db.pool.query(
      `SELECT stream_id, stream_version, event_id, type, data, effective_date, metadata
         FROM ledger_events ORDER BY global_position`,
    )
  ).rows;

describe('ledger generate (the CLI)', () => {
  let threaded: TestDatabase;
  let inProcess: TestDatabase;
  beforeAll(async () => {
    [threaded, inProcess] = await Promise.all([createTestDatabase(), createTestDatabase()]);
  });
  afterAll(async () => {
    await threaded?.drop();
    await inProcess?.drop();
  });

  it('writes through its append thread exactly the log the generator writes in process', async () => {
    const result = await generate(threaded, '--members', '150', '--seed', '5', '--batch-events', '400');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/Generated province .* \(seed 5, 150 members on file\): [\d,]+ events/);
    await generateProvince(new PostgresEventStore(inProcess.pool), {
      seed: 5,
      members: 150,
      batchEvents: 400,
    });
    const written = await contents(threaded);
    expect(written.length).toBeGreaterThan(1_000);
    expect(written).toEqual(await contents(inProcess));
    expect(await new PostgresEventStore(threaded.pool).verify()).toMatchObject({
      ok: true,
      checked: written.length,
    });
    // The load ends with the log's statistics taken (the planner's, for the appends that follow).
    const analyzed = await threaded.pool.query(
      `SELECT last_analyze FROM pg_stat_user_tables WHERE relname = 'ledger_events'`,
    );
    expect(analyzed.rows[0].last_analyze).not.toBeNull();
  }, 120_000);

  it('rebuilds the read models with half the streams on a thread of its own as in one part', async () => {
    await rebuildReadModels(threaded.pool, new PostgresEventStore(threaded.pool));
    const inOnePart = await dumpReadModels(threaded.pool);
    expect(inOnePart.rm_member_timeline.length).toBeGreaterThan(150);
    const result = await cli(threaded, 'rebuild');
    expect(result.stderr).not.toMatch(/Error/);
    expect(result.status).toBe(0);
    expect(await dumpReadModels(threaded.pool)).toEqual(inOnePart);
  }, 120_000);

  it("reports the store's refusal from the thread: the same seed twice", async () => {
    const result = await generate(threaded, '--members', '150', '--seed', '5');
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/the ledger already holds .* choose another --seed/);
  }, 60_000);
});
