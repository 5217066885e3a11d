import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { exitVoluntarily } from '@ledger/domain';
import { Clock, CLOCK } from '../commands/clock';
import { CommandExecutor } from '../commands/command-executor';
import { CommandResult } from '../commands/command-result';
import { Directory } from '../commands/directory';
import { ExitVoluntarilyDto } from './departure.dtos';
import { MemberCommand, runMemberStep } from './member-step';

export class ExitVoluntarilyCommand extends MemberCommand<ExitVoluntarilyDto> {}

@CommandHandler(ExitVoluntarilyCommand)
export class ExitVoluntarilyHandler implements ICommandHandler<ExitVoluntarilyCommand, CommandResult> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly directory: Directory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute(command: ExitVoluntarilyCommand): Promise<CommandResult> {
    const { memberId, body } = command;
    return runMemberStep(this.executor, this.directory, command, async (own) => ({
      events: exitVoluntarily({ memberId, ...body }, own.state, {
        today: this.clock.today(),
        // REM-4 refuses an exit while a discipline case is open. Discipline-case streams do not exist
        // yet: when they do, look up the member's open cases here and add their streams as facts.
        pendingDisciplineCaseIds: [],
      }),
    }));
  }
}
