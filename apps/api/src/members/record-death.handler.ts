import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { recordDeath } from '@ledger/domain';
import { Clock, CLOCK } from '../commands/clock';
import { CommandExecutor } from '../commands/command-executor';
import { CommandResult } from '../commands/command-result';
import { Directory } from '../commands/directory';
import { RecordDeathDto } from './departure.dtos';
import { MemberCommand, runMemberStep } from './member-step';

export class RecordDeathCommand extends MemberCommand<RecordDeathDto> {}

@CommandHandler(RecordDeathCommand)
export class RecordDeathHandler implements ICommandHandler<RecordDeathCommand, CommandResult> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly directory: Directory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute(command: RecordDeathCommand): Promise<CommandResult> {
    const { memberId, body } = command;
    return runMemberStep(this.executor, this.directory, command, async (own) => ({
      events: recordDeath({ memberId, ...body }, own.state, { today: this.clock.today() }),
    }));
  }
}
