import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer, Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './support/free-port';

/**
 * The built app as a user runs it (`node dist/apps/api/src/main.js`, what `npm start` runs), on
 * the embedded default: first start, a second start reusing the data, recovery after kill -9,
 * a clean stop on SIGTERM, and one clear line for bad configuration.
 */
const MAIN = join(__dirname, '..', 'dist', 'apps', 'api', 'src', 'main.js');
const CLI = join(__dirname, '..', 'dist', 'apps', 'cli', 'src', 'main.js');

const env = (extra: Record<string, string>): NodeJS.ProcessEnv => {
  const { DATABASE_URL: _ignored, ...rest } = process.env;
  return { ...rest, ...extra };
};

async function startApp(dataDir: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, [MAIN], {
    env: env({ DATA_DIR: dataDir, PORT: String(port) }),
    stdio: 'pipe',
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`app exited with ${child.exitCode}: ${output}`);
    const ok = await fetch(`http://127.0.0.1:${port}/health`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) return child;
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill('SIGKILL');
  throw new Error(`no healthy app within 60 s: ${output}`);
}

const exited = (child: ChildProcess): Promise<number | null> =>
  new Promise((resolve) =>
    child.exitCode !== null ? resolve(child.exitCode) : child.once('exit', (code) => resolve(code)),
  );

const postmasterPid = (dataDir: string): number | undefined => {
  const file = join(dataDir, 'pg', 'postmaster.pid');
  return existsSync(file) ? Number(readFileSync(file, 'utf8').split('\n')[0]) : undefined;
};

describe('the app on the embedded PostgreSQL', () => {
  beforeAll(() => {
    if (!existsSync(MAIN)) throw new Error('Build first: npm run build (npm test does it)');
  });
  const dataDir = mkdtempSync(join(tmpdir(), 'ledger-startup-'));

  it('serves /health, keeps its data across a restart and a kill -9, and stops cleanly on SIGTERM', async () => {
    const port = await freePort();
    let app = await startApp(dataDir, port);
    const cli = (args: string[]) =>
      spawnSync(process.execPath, [CLI, ...args], { env: env({ DATA_DIR: dataDir }), encoding: 'utf8' });
    // Write a marker event through the CLI's connection (attached to the app's server).
    const marker = spawnSync(
      process.execPath,
      [
        '-e',
        `
      const { Pool } = require('pg');
      const { PostgresEventStore } = require(${JSON.stringify(join(__dirname, '..', 'dist', 'libs', 'event-store', 'src'))});
      const port = require('fs').readFileSync(${JSON.stringify(join(dataDir, 'pg', 'postmaster.pid'))}, 'utf8').split('\\n')[3];
      const password = require('fs').readFileSync(${JSON.stringify(join(dataDir, 'pg-password'))}, 'utf8').trim();
      const pool = new Pool({ connectionString: 'postgres://postgres:' + encodeURIComponent(password) + '@127.0.0.1:' + port + '/ledger' });
      new PostgresEventStore(pool).append('marker-1', 'no_stream', [{ type: 'Marked', data: {}, effectiveDate: '2024-01-01' }])
        .then(() => pool.end(), (e) => { console.error(e); process.exit(1); });
    `,
      ],
      { encoding: 'utf8' },
    );
    expect(marker.stderr).toBe('');

    app.kill('SIGKILL');
    await exited(app);
    expect(postmasterPid(dataDir)).toBeDefined(); // the orphaned server is still running

    app = await startApp(dataDir, port); // adopts it
    const health = await (await fetch(`http://127.0.0.1:${port}/health`)).json();
    expect(health).toMatchObject({ status: 'ok', logPosition: 1 });
    const verify = cli(['verify']);
    expect(verify.stdout).toMatch(/^OK: 1 events verified/m);

    app.kill('SIGTERM');
    expect(await exited(app)).toBe(0);
    expect(postmasterPid(dataDir)).toBeUndefined(); // PostgreSQL stopped with it

    app = await startApp(dataDir, port); // a plain second start reuses the data
    expect(await (await fetch(`http://127.0.0.1:${port}/health`)).json()).toMatchObject({ logPosition: 1 });
    app.kill('SIGINT');
    expect(await exited(app)).toBe(0);
  });

  describe('bad configuration ends with one clear line', () => {
    const run = (extra: Record<string, string>) =>
      spawnSync(process.execPath, [MAIN], { env: env(extra), encoding: 'utf8', timeout: 60_000 });
    const expectOneLine = (result: ReturnType<typeof run>, pattern: RegExp) => {
      expect(result.status).toBe(1);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr).toMatch(pattern);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    };

    it('names an unreachable DATABASE_URL without its password', () => {
      const result = run({ DATABASE_URL: 'postgres://someone:secret@127.0.0.1:1/nowhere' });
      expectOneLine(
        result,
        /Cannot reach the database at postgres:\/\/someone:\*\*\*@127\.0\.0\.1:1\/nowhere/,
      );
      expect(result.stderr).not.toContain('secret');
    });

    it('names a DATA_DIR that cannot be written', () => {
      expectOneLine(run({ DATA_DIR: '/etc/hostname/ledger' }), /DATA_DIR .* is not writable/);
    });

    it('names a PORT that is not a port', () => {
      expectOneLine(run({ DATA_DIR: dataDir, PORT: 'eighty' }), /Invalid configuration: PORT must be/);
    });

    it('names a port already in use', async () => {
      const busy: Server = await new Promise((resolve) => {
        const s = createServer().listen(0, '0.0.0.0', () => resolve(s));
      });
      const port = (busy.address() as { port: number }).port;
      try {
        expectOneLine(
          run({ DATA_DIR: dataDir, PORT: String(port) }),
          new RegExp(`Port ${port} is already in use`),
        );
      } finally {
        busy.close();
      }
    });
  });
});
