import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { recordFindings } from '@ledger/domain';
import { Clock, CLOCK } from '../commands/clock';
import { CommandExecutor } from '../commands/command-executor';
import { CommandResult } from '../commands/command-result';
import { Directory } from '../commands/directory';
import { CaseCommand, runCaseStep } from './case-step';
import { RecordFindingsDto } from './step.dtos';

export class RecordFindingsCommand extends CaseCommand<RecordFindingsDto> {}

/** FindingsRecorded: the conclusion of an open case, also while deferred (DIS-7). */
@CommandHandler(RecordFindingsCommand)
export class RecordFindingsHandler implements ICommandHandler<RecordFindingsCommand, CommandResult> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly directory: Directory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute(command: RecordFindingsCommand): Promise<CommandResult> {
    const { caseId, body } = command;
    return runCaseStep(this.executor, command, async (_, kase) => {
      await this.directory.existingOrganization(body.recordedBy);
      const events = recordFindings({ caseId, ...body }, kase, { today: this.clock.today() });
      return { events };
    });
  }
}
