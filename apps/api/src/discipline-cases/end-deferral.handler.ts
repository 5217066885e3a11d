import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { endDeferral } from '@ledger/domain';
import { Clock, CLOCK } from '../commands/clock';
import { CommandExecutor } from '../commands/command-executor';
import { CommandResult } from '../commands/command-result';
import { CaseCommand, runCaseStep } from './case-step';
import { EndDeferralDto } from './step.dtos';

export class EndDeferralCommand extends CaseCommand<EndDeferralDto> {}

/** DeferralEnded (DIS-7): the case can be considered again. */
@CommandHandler(EndDeferralCommand)
export class EndDeferralHandler implements ICommandHandler<EndDeferralCommand, CommandResult> {
  constructor(
    private readonly executor: CommandExecutor,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute(command: EndDeferralCommand): Promise<CommandResult> {
    const { caseId, body } = command;
    return runCaseStep(this.executor, command, async (_, kase) => {
      const events = endDeferral({ caseId, ...body }, kase, { today: this.clock.today() });
      return { events };
    });
  }
}
