import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { deferDiscipline } from '@ledger/domain';
import { Clock, CLOCK } from '../commands/clock';
import { CommandExecutor } from '../commands/command-executor';
import { CommandResult } from '../commands/command-result';
import { CaseCommand, runCaseStep } from './case-step';
import { DeferDisciplineDto } from './step.dtos';

export class DeferDisciplineCommand extends CaseCommand<DeferDisciplineDto> {}

/** DisciplineDeferred (DIS-7): a member's case waits; the time does not run against limitation. */
@CommandHandler(DeferDisciplineCommand)
export class DeferDisciplineHandler implements ICommandHandler<DeferDisciplineCommand, CommandResult> {
  constructor(
    private readonly executor: CommandExecutor,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute(command: DeferDisciplineCommand): Promise<CommandResult> {
    const { caseId, body } = command;
    return runCaseStep(this.executor, command, async (_, kase) => {
      const events = deferDiscipline({ caseId, ...body }, kase, { today: this.clock.today() });
      return { events };
    });
  }
}
