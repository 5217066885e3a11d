import { spawn } from 'node:child_process';
import { join } from 'node:path';

/**
 * `cli rebuild` as a process of its own against `databaseUrl`, as an operator runs it; resolves
 * with the position it rebuilt up to. Not in the benchmark's process, which has just generated
 * the province: there the same rebuild took its threads some 30 s more CPU (150 s against 120 s)
 * and ran at 47,465 events/s against 56,225 (what that heap kept is the likely difference).
 * `onLine` gets each line the command writes to stderr (its progress).
 */
export function rebuildAsCommand(databaseUrl: string, onLine: (line: string) => void): Promise<number> {
  const main = join(__dirname, '..', 'main.js');
  // The benchmark's own Node flags (a 16 GB heap and a 64 MB young generation: `npm run bench`).
  const child = spawn(process.execPath, [...process.execArgv, main, 'rebuild'], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  let partial = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
    const lines = (partial + d.toString()).split('\n');
    partial = lines.pop() ?? '';
    lines.forEach(onLine);
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    // 'close', not 'exit': the output streams may still hold the last lines when the process exits.
    child.on('close', (code) => {
      if (partial) onLine(partial);
      const position = /up to position (\d+)/.exec(stdout)?.[1];
      if (code === 0 && position !== undefined) resolve(Number(position));
      else reject(new Error(`cli rebuild exited with code ${code}: ${stderr}${stdout}`.trim()));
    });
  });
}
