import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { returnFromTemporaryTransfer } from '@ledger/domain';
import { Clock, CLOCK } from '../commands/clock';
import { CommandExecutor } from '../commands/command-executor';
import { CommandMeta } from '../commands/command-meta';
import { CommandResult } from '../commands/command-result';
import { Directory } from '../commands/directory';
import { StreamQueries } from '../queries/stream-queries';
import { MemberCommand, runMemberStep } from './member-step';
import { startedTransfer } from './started-transfer';
import { ReturnFromTemporaryTransferDto } from './transfer.dtos';

export class ReturnFromTemporaryTransferCommand extends MemberCommand<ReturnFromTemporaryTransferDto> {
  constructor(
    memberId: string,
    readonly transferId: string,
    body: ReturnFromTemporaryTransferDto,
    meta: CommandMeta,
  ) {
    super(memberId, body, meta);
  }
}

/** TRF-5: back home from a temporary transfer. */
@CommandHandler(ReturnFromTemporaryTransferCommand)
export class ReturnFromTemporaryTransferHandler implements ICommandHandler<
  ReturnFromTemporaryTransferCommand,
  CommandResult
> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly directory: Directory,
    private readonly queries: StreamQueries,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute(command: ReturnFromTemporaryTransferCommand): Promise<CommandResult> {
    const { memberId, transferId, body } = command;
    return runMemberStep(this.executor, this.directory, command, async (own) => {
      await startedTransfer(this.queries, memberId, transferId);
      const events = returnFromTemporaryTransfer({ memberId, transferId, ...body }, own.state, {
        today: this.clock.today(),
      });
      return { events };
    });
  }
}
