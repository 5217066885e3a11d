import { Module } from '@nestjs/common';
import { BenchCommand } from './commands/bench.command';
import { DemoCommand } from './commands/demo.command';
import { GenerateCommand } from './commands/generate.command';
import { MigrateCommand } from './commands/migrate.command';
import { RebuildCommand } from './commands/rebuild.command';
import { VerifyCommand } from './commands/verify.command';
import { LedgerConnection } from './ledger-connection';

@Module({
  providers: [
    LedgerConnection,
    BenchCommand,
    MigrateCommand,
    VerifyCommand,
    RebuildCommand,
    GenerateCommand,
    DemoCommand,
  ],
})
export class CliModule {}
