import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { failProbation } from '@ledger/domain';
import { Clock, CLOCK } from '../commands/clock';
import { CommandExecutor } from '../commands/command-executor';
import { CommandResult } from '../commands/command-result';
import { Directory } from '../commands/directory';
import { FailProbationDto } from './admission.dtos';
import { MemberCommand, runMemberStep } from './member-step';

export class FailProbationCommand extends MemberCommand<FailProbationDto> {}

@CommandHandler(FailProbationCommand)
export class FailProbationHandler implements ICommandHandler<FailProbationCommand, CommandResult> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly directory: Directory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute(command: FailProbationCommand): Promise<CommandResult> {
    const { memberId, body } = command;
    return runMemberStep(this.executor, this.directory, command, async (own) => ({
      events: failProbation({ memberId, ...body }, own.state, { today: this.clock.today() }),
    }));
  }
}
