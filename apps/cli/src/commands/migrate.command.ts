import { Command, CommandRunner } from 'nest-commander';
import { openDatabase, runMigrations, validateConfig } from '@ledger/database';

@Command({ name: 'migrate', description: 'Apply the database migrations that are not yet applied' })
export class MigrateCommand extends CommandRunner {
  async run(): Promise<void> {
    const database = await openDatabase(validateConfig(process.env), (m) => process.stderr.write(`${m}\n`));
    try {
      const applied = await runMigrations(database.url);
      process.stdout.write(
        applied.length ? `Applied: ${applied.join(', ')}\n` : 'Nothing to apply: the schema is current.\n',
      );
    } finally {
      await database.close();
    }
  }
}
