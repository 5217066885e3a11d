import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { appealDiscipline } from '@ledger/domain';
import { Clock, CLOCK } from '../commands/clock';
import { CommandExecutor } from '../commands/command-executor';
import { CommandResult } from '../commands/command-result';
import { CaseCommand, runCaseStep } from './case-step';
import { AppealDisciplineDto } from './decision.dtos';

export class AppealDisciplineCommand extends CaseCommand<AppealDisciplineDto> {}

/** DisciplineAppealed (APP-1, APP-2). No effect on the member: the decision is obeyed meanwhile. */
@CommandHandler(AppealDisciplineCommand)
export class AppealDisciplineHandler implements ICommandHandler<AppealDisciplineCommand, CommandResult> {
  constructor(
    private readonly executor: CommandExecutor,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute(command: AppealDisciplineCommand): Promise<CommandResult> {
    const { caseId, body } = command;
    return runCaseStep(this.executor, command, async (_, kase) => {
      const events = appealDiscipline({ caseId, ...body }, kase, { today: this.clock.today() });
      return { events };
    });
  }
}
