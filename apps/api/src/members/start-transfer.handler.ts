import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { startTransfer } from '@ledger/domain';
import { Clock, CLOCK } from '../commands/clock';
import { CommandExecutor } from '../commands/command-executor';
import { Directory } from '../commands/directory';
import { MemberCommand, runMemberStep } from './member-step';
import { generatedId } from '../commands/generated-id';
import { StartTransferDto, TransferStartedResult } from './transfer.dtos';

export class StartTransferCommand extends MemberCommand<StartTransferDto> {}

/** TRF-1, TRF-5, DIS-12. The transfer gets an id of its own, which arrival and return name in their path. */
@CommandHandler(StartTransferCommand)
export class StartTransferHandler implements ICommandHandler<StartTransferCommand, TransferStartedResult> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly directory: Directory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(command: StartTransferCommand): Promise<TransferStartedResult> {
    const { memberId, body, meta } = command;
    const transferId = generatedId(meta, 'transfer');
    const result = await runMemberStep(this.executor, this.directory, command, async (own) => {
      const toCell = await this.directory.cell(body.toCellId, body.effectiveDate);
      const events = startTransfer({ memberId, transferId, ...body }, own.state, {
        today: this.clock.today(),
        toCell: toCell.facts,
      });
      return { events, facts: [toCell.loaded] };
    });
    return { ...result, transferId };
  }
}
