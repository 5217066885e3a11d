import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { completeTransfer } from '@ledger/domain';
import { Clock, CLOCK } from '../commands/clock';
import { CommandExecutor } from '../commands/command-executor';
import { CommandMeta } from '../commands/command-meta';
import { CommandResult } from '../commands/command-result';
import { Directory } from '../commands/directory';
import { StreamQueries } from '../queries/stream-queries';
import { MemberCommand, runMemberStep } from './member-step';
import { startedTransfer } from './started-transfer';
import { CompleteTransferDto } from './transfer.dtos';

export class CompleteTransferCommand extends MemberCommand<CompleteTransferDto> {
  constructor(
    memberId: string,
    readonly transferId: string,
    body: CompleteTransferDto,
    meta: CommandMeta,
  ) {
    super(memberId, body, meta);
  }
}

/** TRF-4: arrival at the receiving cell (the transfer's, or the one it merged into). */
@CommandHandler(CompleteTransferCommand)
export class CompleteTransferHandler implements ICommandHandler<CompleteTransferCommand, CommandResult> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly directory: Directory,
    private readonly queries: StreamQueries,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute(command: CompleteTransferCommand): Promise<CommandResult> {
    const { memberId, transferId, body } = command;
    return runMemberStep(this.executor, this.directory, command, async (own) => {
      const started = await startedTransfer(this.queries, memberId, transferId);
      const toCell = await this.directory.cell(body.toCellId ?? started.toCellId, body.effectiveDate);
      const events = completeTransfer({ memberId, transferId, ...body }, own.state, {
        today: this.clock.today(),
        toCell: toCell.facts,
      });
      return { events, facts: [toCell.loaded] };
    });
  }
}
