import { ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

/** What the benchmark reads of /health. */
export interface AppHealth {
  projections: { ledger: { lag: number } };
  warmStart: { state: 'folding' | 'done' | 'failed'; organizations: number };
}

/** The built API as a child process (what `npm start` runs), against the bench database. */
export class AppProcess {
  private constructor(
    private readonly child: ChildProcess,
    readonly baseUrl: string,
  ) {}

  static async start(databaseUrl: string): Promise<AppProcess> {
    const port = await freePort();
    const main = join(__dirname, '..', '..', '..', 'api', 'src', 'main.js');
    const child = spawn(process.execPath, [main], {
      env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port) },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (d) => (stderr += d));
    const app = new AppProcess(child, `http://127.0.0.1:${port}`);
    for (
      const deadline = Date.now() + 120_000;
      Date.now() < deadline;
      await new Promise((r) => setTimeout(r, 200))
    ) {
      if (child.exitCode !== null) throw new Error(`the app exited: ${stderr}`);
      const h = await app.health().catch(() => undefined);
      // Ready once the read models have caught up and the organizations are folded (WarmStart).
      if (h && h.projections.ledger.lag === 0 && h.warmStart.state !== 'folding') return app;
    }
    child.kill('SIGKILL');
    throw new Error(`the app did not become healthy: ${stderr}`);
  }

  async health(): Promise<AppHealth> {
    const r = await fetch(`${this.baseUrl}/health`);
    if (!r.ok) throw new Error(`/health: ${r.status}`);
    return (await r.json()) as AppHealth;
  }

  /** The largest resident set the process has had (VmHWM), in MB. */
  peakRssMb(): number {
    const status = readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
    const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? NaN);
    return kb / 1024;
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((r) => this.child.once('exit', r));
    this.child.kill('SIGTERM');
    await exited;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}
