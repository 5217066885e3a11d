import { Module } from '@nestjs/common';
import { MigrateCommand } from './commands/migrate.command';
import { RebuildCommand } from './commands/rebuild.command';
import { VerifyCommand } from './commands/verify.command';
import { LedgerConnection } from './ledger-connection';

@Module({ providers: [LedgerConnection, MigrateCommand, VerifyCommand, RebuildCommand] })
export class CliModule {}
