import { writeFileSync } from 'node:fs';
import { Command, CommandRunner, Option } from 'nest-commander';
import { validateConfig } from '@ledger/database';
import { runBench } from '../bench/run-bench';

interface BenchOptions {
  members?: number;
  seed?: number;
  json?: string;
  requests?: number;
  warmup?: number;
  keep?: boolean;
}

/** Targets of issue 6, printed beside the figures (the benchmark measures; it asserts nothing). */
const TARGETS: Record<string, string> = {
  importEventsPerSec: '≥ ½ rawInsertEventsPerSec',
  catchUpEventsPerSec: '≥ 50,000',
  countP95Ms: '≤ 10',
  flowsP95Ms: '≤ 50',
  appendP99Ms: '≤ 25 (16 clients)',
  knownAtCountP95Ms: '≤ 1,000',
};

@Command({
  name: 'bench',
  description: 'Generate a province and measure import, append, catch-up and query speed',
})
export class BenchCommand extends CommandRunner {
  async run(_args: string[], options: BenchOptions): Promise<void> {
    const config = validateConfig(process.env);
    const result = await runBench({
      members: options.members ?? 300_000,
      seed: options.seed ?? 1,
      requests: options.requests ?? 300,
      warmup: options.warmup ?? 10_000,
      databaseUrl: config.DATABASE_URL,
      keep: options.keep ?? false,
      log: (m) => process.stderr.write(`bench: ${m}\n`),
    });
    const width = Math.max(...Object.keys(result).map((k) => k.length));
    process.stdout.write(`${'figure'.padEnd(width)}  ${'value'.padStart(12)}  target\n`);
    for (const [k, v] of Object.entries(result))
      process.stdout.write(
        `${k.padEnd(width)}  ${String(typeof v === 'number' ? v.toLocaleString('en') : v).padStart(12)}  ${TARGETS[k] ?? ''}\n`,
      );
    if (options.json) writeFileSync(options.json, `${JSON.stringify(result, null, 2)}\n`);
  }

  @Option({ flags: '--members <n>', description: 'members in the generated province (default 300,000)' })
  parseMembers(value: string): number {
    return positive(value, '--members');
  }

  @Option({ flags: '--seed <n>', description: 'generator seed (default 1)' })
  parseSeed(value: string): number {
    return positive(value, '--seed');
  }

  @Option({ flags: '--requests <n>', description: 'timed requests of each kind (default 300)' })
  parseRequests(value: string): number {
    return positive(value, '--requests');
  }

  @Option({
    flags: '--warmup <n>',
    description:
      'untimed appends sent first, on cells of their own, to warm up the app (default 10,000; 0 for none)',
  })
  parseWarmup(value: string): number {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0) throw new Error('--warmup must be a whole number, 0 or more');
    return n;
  }

  @Option({
    flags: '--keep',
    description: 'keep the generated database afterwards, to look into a figure (its location is printed)',
  })
  parseKeep(): boolean {
    return true;
  }

  @Option({ flags: '--json <file>', description: 'also write the figures as JSON to this file' })
  parseJson(value: string): string {
    return value;
  }
}

function positive(value: string, flag: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${flag} must be a positive whole number`);
  return n;
}
