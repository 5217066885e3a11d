import { Command, CommandRunner, Option } from 'nest-commander';
import { Connection, LedgerConnection } from '../ledger-connection';

interface VerifyOptions {
  expectHead?: string;
}

/**
 * The auditor's check: walks the whole log, recomputes the hash chain and compares the end with
 * the recorded head. Exits 1 naming the first bad position. Keep the printed head somewhere
 * outside the database and pass it back with --expect-head: that also catches someone who
 * rewrote the log and its head together.
 */
@Command({ name: 'verify', description: 'Check that no event was changed, removed, inserted or reordered' })
export class VerifyCommand extends CommandRunner {
  constructor(private readonly connection: LedgerConnection) {
    super();
  }

  async run(_args: string[], options: VerifyOptions): Promise<void> {
    const c = await this.connection.open();
    try {
      const started = Date.now();
      let lastReport = 0;
      const result = await c.store.verify(({ checked, total }) => {
        if (Date.now() - lastReport < 1000 && checked < total) return;
        lastReport = Date.now();
        const pct = total ? Math.floor((checked / total) * 100) : 100;
        process.stderr.write(
          `verify: ${checked.toLocaleString('en')} of ${total.toLocaleString('en')} events (${pct}%)\n`,
        );
      });
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      if (!result.ok) {
        process.stdout.write(
          `TAMPERED: first bad position ${result.firstBadPosition}: ${result.reason} (${result.checked} events good before it)\n`,
        );
        process.exitCode = 1;
        return;
      }
      const head = `${result.head.position}:${result.head.hash}`;
      if (options.expectHead) {
        const anchored = await this.anchorHolds(options.expectHead, c);
        if (anchored !== true) {
          process.stdout.write(`TAMPERED: ${anchored}\n`);
          process.exitCode = 1;
          return;
        }
      }
      process.stdout.write(`OK: ${result.checked} events verified in ${seconds}s; head ${head}\n`);
    } finally {
      await c.close();
    }
  }

  /** An anchor taken earlier still holds when the (verified) log carries its hash at its position. */
  private async anchorHolds(anchor: string, c: Connection): Promise<true | string> {
    const [positionText, hash] = anchor.split(':');
    const position = Number(positionText);
    if (!Number.isInteger(position) || position < 1 || !/^[0-9a-f]{64}$/.test(hash ?? ''))
      return `--expect-head must be <position>:<64 hex digits>, got ${anchor}`;
    const [event] = await c.store.readAll(position - 1, 1);
    if (!event || event.globalPosition !== position)
      return `the log no longer reaches the anchored position ${position}`;
    if (event.hash !== hash)
      return `position ${position} no longer carries the anchored hash: the log was rewritten`;
    return true;
  }

  @Option({
    flags: '--expect-head <position:hash>',
    description: 'a head printed by an earlier verify, kept outside the database',
  })
  parseExpectHead(value: string): string {
    return value;
  }
}
