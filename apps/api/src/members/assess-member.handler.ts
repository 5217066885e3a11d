import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { assessMember, minDate } from '@ledger/domain';
import { Clock, CLOCK } from '../commands/clock';
import { CommandExecutor } from '../commands/command-executor';
import { CommandResult } from '../commands/command-result';
import { Directory } from '../commands/directory';
import { AssessMemberDto } from './member-record.dtos';
import { MemberCommand, runMemberStep } from './member-step';

export class AssessMemberCommand extends MemberCommand<AssessMemberDto> {}

/** Without an effective date the rating is dated 31 December of its year, or today while the year runs. */
@CommandHandler(AssessMemberCommand)
export class AssessMemberHandler implements ICommandHandler<AssessMemberCommand, CommandResult> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly directory: Directory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute(command: AssessMemberCommand): Promise<CommandResult> {
    const { memberId, body } = command;
    return runMemberStep(this.executor, this.directory, command, async (own) => {
      const today = this.clock.today();
      const effectiveDate = body.effectiveDate ?? minDate(today, `${body.year}-12-31`);
      const { year, rating } = body;
      return { events: assessMember({ memberId, year, rating, effectiveDate }, own.state, { today }) };
    });
  }
}
