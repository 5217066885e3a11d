import { Pool } from 'pg';
import { DEMO_SEED, DemoLedger, Progress, loadDemo } from '@ledger/generator';
import { EventStore } from '@ledger/event-store';
import { LedgerProjector, ProjectionRunner, SqlPointInTime } from '@ledger/projections';
import { checkDemoFigures, curlLines } from './demo-figures';

/** The ledger is not empty and no second copy was asked for: nothing was written. */
export class DemoRefused extends Error {
  constructor(events: number) {
    super(
      `The ledger already holds ${events.toLocaleString('en')} events: the demo loads into an empty ledger only. ` +
        'Run `demo --force-new` to load another copy alongside, with fresh ids.',
    );
    this.name = 'DemoRefused';
  }
}

/** The read models disagree with a published figure after loading: the demo (or the ledger) is wrong. */
export class DemoFiguresWrong extends Error {
  constructor(lines: string[]) {
    super(`The read models do not show the published figures:\n${lines.join('\n')}`);
    this.name = 'DemoFiguresWrong';
  }
}

export interface RunDemoOptions {
  forceNew?: boolean;
  /** Where the app serves, for the curl lines. */
  baseUrl?: string;
  /** Lines for people (the summary and the curl lines). */
  out: (line: string) => void;
  /** Progress, at most once a second. */
  progress?: (line: string) => void;
}

/**
 * `ledger demo`: loads the demo data set, brings the read models up to date (as `rebuild` does, by the
 * projector's own catch-up), checks the seeds' figures through the read models, and prints the curl
 * lines that show them. Refuses a ledger that already holds events unless `forceNew`, which loads a copy
 * with ids of its own (another seed: other people and history, the same figures).
 */
export async function runDemo(pool: Pool, store: EventStore, options: RunDemoOptions): Promise<DemoLedger> {
  const { out } = options;
  const head = await store.head();
  if (head.position > 0 && !options.forceNew) throw new DemoRefused(head.position);
  const seed = head.position > 0 ? DEMO_SEED + head.position : DEMO_SEED;
  const started = Date.now();
  const every = throttle(options.progress);
  const demo = await loadDemo(store, {
    seed,
    onProgress: (p: Progress) => every(`demo: loading ${p.phase}: ${p.events.toLocaleString('en')} events`),
  });
  const loaded = (Date.now() - started) / 1000;
  const runner = new ProjectionRunner(pool, store, new LedgerProjector(), { batchSize: 2_000 });
  await runner.catchUp((position, last) =>
    every(`demo: read models at ${position.toLocaleString('en')} of ${last.toLocaleString('en')} events`),
  );
  const checks = await checkDemoFigures(new SqlPointInTime(pool), demo.figures);
  const wrong = checks.filter((c) => c.actual !== c.expected);
  if (wrong.length > 0)
    throw new DemoFiguresWrong(wrong.map((c) => `  ${c.what}: ${c.actual}, published ${c.expected}`));

  out(
    `Loaded the demo (seed ${seed}): ${demo.events.toLocaleString('en')} events, ${demo.members.toLocaleString('en')} people, ` +
      `in ${loaded.toFixed(1)}s; read models up to date in ${((Date.now() - started) / 1000 - loaded).toFixed(1)}s.`,
  );
  out('The read models show the published figures:');
  for (const c of checks) out(`  ${c.what}: ${c.actual}`);
  out('');
  out('Start the app (npm start) and ask it:');
  for (const line of curlLines(demo.figures, options.baseUrl ?? 'http://localhost:3000')) out(line);
  return demo;
}

function throttle(write?: (line: string) => void): (line: string) => void {
  let last = 0;
  return (line) => {
    if (!write || Date.now() - last < 1000) return;
    last = Date.now();
    write(line);
  };
}
