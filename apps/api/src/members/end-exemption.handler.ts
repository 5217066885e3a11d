import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { endExemption } from '@ledger/domain';
import { Clock, CLOCK } from '../commands/clock';
import { CommandExecutor } from '../commands/command-executor';
import { CommandResult } from '../commands/command-result';
import { Directory } from '../commands/directory';
import { EndExemptionDto } from './member-record.dtos';
import { MemberCommand, runMemberStep } from './member-step';

export class EndExemptionCommand extends MemberCommand<EndExemptionDto> {}

@CommandHandler(EndExemptionCommand)
export class EndExemptionHandler implements ICommandHandler<EndExemptionCommand, CommandResult> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly directory: Directory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute(command: EndExemptionCommand): Promise<CommandResult> {
    const { memberId, body } = command;
    return runMemberStep(this.executor, this.directory, command, async (own) => ({
      events: endExemption({ memberId, ...body }, own.state, { today: this.clock.today() }),
    }));
  }
}
