import { Module } from '@nestjs/common';
import { StreamQueries } from '../queries/stream-queries';
import { CLOCK, SystemClock } from './clock';
import { CommandExecutor } from './command-executor';
import { Directory } from './directory';
import { PendingListSweeps } from './pending-list-sweeps';
import { WarmStart } from './warm-start';

/**
 * What every command and stream query shares: the executor, the directory of facts, the clock; the
 * organizations folded at start; the log's GIN pending lists kept short.
 */
@Module({
  providers: [
    CommandExecutor,
    Directory,
    StreamQueries,
    WarmStart,
    PendingListSweeps,
    { provide: CLOCK, useClass: SystemClock },
  ],
  exports: [CommandExecutor, Directory, StreamQueries, WarmStart, CLOCK],
})
export class CommandsModule {}
