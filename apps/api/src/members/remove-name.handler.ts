import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { removeName } from '@ledger/domain';
import { Clock, CLOCK } from '../commands/clock';
import { CommandExecutor } from '../commands/command-executor';
import { CommandResult } from '../commands/command-result';
import { Directory } from '../commands/directory';
import { RemoveNameDto } from './departure.dtos';
import { MemberCommand, runMemberStep } from './member-step';

export class RemoveNameCommand extends MemberCommand<RemoveNameDto> {}

@CommandHandler(RemoveNameCommand)
export class RemoveNameHandler implements ICommandHandler<RemoveNameCommand, CommandResult> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly directory: Directory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute(command: RemoveNameCommand): Promise<CommandResult> {
    const { memberId, body } = command;
    return runMemberStep(this.executor, this.directory, command, async (own) => ({
      events: removeName({ memberId, ...body }, own.state, { today: this.clock.today() }),
    }));
  }
}
