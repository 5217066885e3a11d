import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { proposeDiscipline } from '@ledger/domain';
import { Clock, CLOCK } from '../commands/clock';
import { CommandExecutor } from '../commands/command-executor';
import { CommandResult } from '../commands/command-result';
import { Directory } from '../commands/directory';
import { CaseCommand, runCaseStep } from './case-step';
import { ProposeDisciplineDto } from './step.dtos';

export class ProposeDisciplineCommand extends CaseCommand<ProposeDisciplineDto> {}

/** DisciplineProposed: DIS-1 the form fits the subject, DIS-5 the vote carried it, DIS-7 not while deferred. */
@CommandHandler(ProposeDisciplineCommand)
export class ProposeDisciplineHandler implements ICommandHandler<ProposeDisciplineCommand, CommandResult> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly directory: Directory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute(command: ProposeDisciplineCommand): Promise<CommandResult> {
    const { caseId, body } = command;
    return runCaseStep(this.executor, command, async (_, kase) => {
      await this.directory.existingOrganization(body.proposedBy);
      const events = proposeDiscipline({ caseId, ...body }, kase, { today: this.clock.today() });
      return { events };
    });
  }
}
