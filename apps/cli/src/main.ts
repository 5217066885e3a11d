import 'reflect-metadata';
import { CommandFactory } from 'nest-commander';
import { StartupError } from '@ledger/database';
import { CliModule } from './cli.module';

/** `ledger <command>`: operators' and auditors' tools. Output for people on stdout, progress on stderr. */
async function main(): Promise<void> {
  try {
    await CommandFactory.run(CliModule, {
      logger: ['error', 'warn'],
      cliName: 'ledger',
      errorHandler: (error) => {
        // commander's own exits (help, version, unknown command) carry their exit code.
        const code = (error as { exitCode?: number }).exitCode ?? 1;
        process.exit(code);
      },
      // A command that fails: one clear line for configuration problems, the stack for bugs.
      serviceErrorHandler: (error) => {
        const message = error instanceof StartupError ? error.message : (error.stack ?? String(error));
        process.stderr.write(`ledger: ${message}\n`);
        process.exit(1);
      },
    });
  } catch (error) {
    const message = error instanceof StartupError ? error.message : ((error as Error).stack ?? String(error));
    process.stderr.write(`ledger: ${message}\n`);
    process.exitCode = 1;
  }
}

void main();
