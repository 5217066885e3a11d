import { Command, CommandRunner, Option } from 'nest-commander';
import { afterBulkLoad, AppendThread, beforeBulkLoad, ConcurrencyError } from '@ledger/event-store';
import { generateProvince } from '@ledger/generator';
import { isIsoDate } from '@ledger/domain';
import { LedgerConnection } from '../ledger-connection';

interface GenerateOptions {
  members: number;
  seed: number;
  from?: string;
  to?: string;
  batchEvents?: number;
}

const positive = (flag: string) => (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${flag} must be a positive whole number`);
  return n;
};

/**
 * Generates a province (deterministic from the seed) into the configured ledger, for benchmarks and
 * trials. The read models follow when the app next runs its projector (or with `rebuild`).
 */
@Command({
  name: 'generate',
  description: 'Generate a province of N members into the ledger (deterministic from the seed)',
})
export class GenerateCommand extends CommandRunner {
  constructor(private readonly connection: LedgerConnection) {
    super();
  }

  async run(_args: string[], options: GenerateOptions): Promise<void> {
    if (!options.members) {
      process.stderr.write('ledger: generate needs --members <n>\n');
      process.exitCode = 1;
      return;
    }
    const seed = options.seed ?? 1;
    const c = await this.connection.open();
    // The appends are made on a thread of their own while the simulation decides the next batch.
    await beforeBulkLoad(c.pool);
    const appender = AppendThread.start(c.url);
    try {
      const started = Date.now();
      let lastReport = 0;
      const rate = (events: number) => Math.round(events / Math.max(0.001, (Date.now() - started) / 1000));
      const result = await generateProvince(appender, {
        seed,
        members: options.members,
        from: options.from,
        to: options.to,
        batchEvents: options.batchEvents,
        onProgress: ({ events, members, phase }) => {
          if (Date.now() - lastReport < 1000) return;
          lastReport = Date.now();
          process.stderr.write(
            `generate: ${phase}: ${events.toLocaleString('en')} events, ${members.toLocaleString('en')} people (${rate(events).toLocaleString('en')} events/s)\n`,
          );
        },
      });
      const seconds = (Date.now() - started) / 1000;
      process.stdout.write(
        `Generated province ${result.rootId} (seed ${seed}, ${options.members.toLocaleString('en')} members on file): ` +
          `${result.events.toLocaleString('en')} events, ${result.members.toLocaleString('en')} people, ` +
          `${result.organizations.length.toLocaleString('en')} organizations (${result.communeIds.length} communes, ` +
          `${result.cellIds.length.toLocaleString('en')} cells) in ${seconds.toFixed(1)}s (${rate(result.events).toLocaleString('en')} events/s)\n`,
      );
    } catch (error) {
      if (!(error instanceof ConcurrencyError)) throw error;
      process.stderr.write(
        `ledger: the ledger already holds ${error.streamId} (a province of seed ${seed} was generated before?): choose another --seed\n`,
      );
      process.exitCode = 1;
    } finally {
      await appender.close();
      // Even after a failure: the index dropped for the load is built again.
      process.stderr.write('generate: building the index of organization states and vacuuming the log …\n');
      await afterBulkLoad(c.pool);
      await c.close();
    }
  }

  @Option({ flags: '--members <n>', description: 'members on the rolls when the ledger begins (required)' })
  parseMembers(value: string): number {
    return positive('--members')(value);
  }

  @Option({ flags: '--seed <n>', description: 'the same seed gives the same province (default 1)' })
  parseSeed(value: string): number {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0) throw new Error('--seed must be a whole number ≥ 0');
    return n;
  }

  @Option({ flags: '--from <date>', description: "the ledger's first day (default 2010-01-01)" })
  parseFrom(value: string): string {
    if (!isIsoDate(value)) throw new Error('--from must be a date, YYYY-MM-DD');
    return value;
  }

  @Option({ flags: '--to <date>', description: 'the last effective date (default 2026-06-30)' })
  parseTo(value: string): string {
    if (!isIsoDate(value)) throw new Error('--to must be a date, YYYY-MM-DD');
    return value;
  }

  @Option({ flags: '--batch-events <n>', description: 'events per append (default 5000)' })
  parseBatchEvents(value: string): number {
    return positive('--batch-events')(value);
  }
}
