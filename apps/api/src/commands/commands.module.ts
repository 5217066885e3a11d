import { Module } from '@nestjs/common';
import { StreamQueries } from '../queries/stream-queries';
import { CLOCK, SystemClock } from './clock';
import { CommandExecutor } from './command-executor';
import { Directory } from './directory';

/** What every command and stream query shares: the executor, the directory of facts, the clock. */
@Module({
  providers: [CommandExecutor, Directory, StreamQueries, { provide: CLOCK, useClass: SystemClock }],
  exports: [CommandExecutor, Directory, StreamQueries, CLOCK],
})
export class CommandsModule {}
