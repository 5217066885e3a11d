import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { closeCase } from '@ledger/domain';
import { Clock, CLOCK } from '../commands/clock';
import { CommandExecutor } from '../commands/command-executor';
import { CommandResult } from '../commands/command-result';
import { CaseCommand, runCaseStep } from './case-step';
import { CloseCaseDto } from './decision.dtos';

export class CloseCaseCommand extends CaseCommand<CloseCaseDto> {}

/** DisciplineCaseClosed: no_violation, dropped, time_barred (DIS-8/DIS-9) or decided. No effect on the subject. */
@CommandHandler(CloseCaseCommand)
export class CloseCaseHandler implements ICommandHandler<CloseCaseCommand, CommandResult> {
  constructor(
    private readonly executor: CommandExecutor,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute(command: CloseCaseCommand): Promise<CommandResult> {
    const { caseId, body } = command;
    return runCaseStep(this.executor, command, async (_, kase) => {
      const events = closeCase({ caseId, ...body }, kase, { today: this.clock.today() });
      return { events };
    });
  }
}
