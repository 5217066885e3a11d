import { Command, CommandRunner, Option } from 'nest-commander';
import { rebuildReadModels } from '@ledger/projections';
import { LedgerConnection } from '../ledger-connection';

interface RebuildOptions {
  batchSize?: number;
}

/**
 * Replays the whole log into fresh read-model tables and swaps them in; the app may keep
 * serving meanwhile (its queries wait only for the swap itself).
 */
@Command({
  name: 'rebuild',
  description: 'Replay the log into fresh read models and swap them in without a gap in service',
})
export class RebuildCommand extends CommandRunner {
  constructor(private readonly connection: LedgerConnection) {
    super();
  }

  async run(_args: string[], options: RebuildOptions): Promise<void> {
    const c = await this.connection.open();
    try {
      let lastReport = 0;
      const result = await rebuildReadModels(c.pool, c.store, {
        batchSize: options.batchSize,
        // Half the streams replayed on a second thread: the replay is the JavaScript's work, and
        // this machine has two cores.
        parts: { thread: c.url },
        onProgress: (position, head) => {
          if (Date.now() - lastReport < 1000 && position < head) return;
          lastReport = Date.now();
          process.stderr.write(
            `rebuild: ${position.toLocaleString('en')} of ${head.toLocaleString('en')} events (${head ? Math.floor((position / head) * 100) : 100}%)\n`,
          );
        },
        onIndexing: () => process.stderr.write('rebuild: log replayed; building indexes and vacuuming …\n'),
      });
      const rate = result.seconds > 0 ? Math.round(result.position / result.seconds) : result.position;
      process.stdout.write(
        `Rebuilt the read models up to position ${result.position} in ${result.seconds.toFixed(1)}s (${rate} events/s)\n`,
      );
    } finally {
      await c.close();
    }
  }

  @Option({ flags: '--batch-size <n>', description: 'events per transaction (default 2000)' })
  parseBatchSize(value: string): number {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1) throw new Error('--batch-size must be a positive whole number');
    return n;
  }
}
