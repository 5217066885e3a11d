import { Command, CommandRunner, Option } from 'nest-commander';
import { validateConfig } from '@ledger/database';
import { DemoFiguresWrong, DemoRefused, runDemo } from '../demo/run-demo';
import { LedgerConnection } from '../ledger-connection';

interface DemoOptions {
  forceNew?: boolean;
}

/**
 * Loads the named demo data set — Huyện Sơn Dương, Xã Thanh Ba, Xã Na Khê with the figures the seeds
 * publish — into the configured ledger (the embedded PostgreSQL in DATA_DIR by default), checks the
 * figures through the read models and prints the curl lines that show them.
 */
@Command({
  name: 'demo',
  description: 'Load the demo data set (the published figures) and show how to query them',
})
export class DemoCommand extends CommandRunner {
  constructor(private readonly connection: LedgerConnection) {
    super();
  }

  async run(_args: string[], options: DemoOptions): Promise<void> {
    const port = validateConfig(process.env).PORT;
    const c = await this.connection.open();
    try {
      await runDemo(c.pool, c.store, {
        forceNew: options.forceNew,
        baseUrl: `http://localhost:${port}`,
        out: (line) => process.stdout.write(`${line}\n`),
        progress: (line) => process.stderr.write(`${line}\n`),
      });
    } catch (error) {
      if (!(error instanceof DemoRefused || error instanceof DemoFiguresWrong)) throw error;
      process.stderr.write(`ledger: ${error.message}\n`);
      process.exitCode = 1;
    } finally {
      await c.close();
    }
  }

  @Option({
    flags: '--force-new',
    description: 'load another copy, with fresh ids, into a ledger that already holds events',
  })
  parseForceNew(): boolean {
    return true;
  }
}
