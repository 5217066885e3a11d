import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { readmitMember } from '@ledger/domain';
import { Clock, CLOCK } from '../commands/clock';
import { CommandExecutor } from '../commands/command-executor';
import { CommandResult } from '../commands/command-result';
import { Directory } from '../commands/directory';
import { admissionContext, admissionTerms } from './admission-context';
import { ReadmitMemberDto } from './admission.dtos';
import { MemberCommand, runMemberStep } from './member-step';

export class ReadmitMemberCommand extends MemberCommand<ReadmitMemberDto> {}

/** REM-6: someone who left is admitted again, with every admission condition and full probation. */
@CommandHandler(ReadmitMemberCommand)
export class ReadmitMemberHandler implements ICommandHandler<ReadmitMemberCommand, CommandResult> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly directory: Directory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute(command: ReadmitMemberCommand): Promise<CommandResult> {
    const { memberId, body } = command;
    return runMemberStep(this.executor, this.directory, command, async (own) => {
      const { cellId } = body;
      const { context, facts } = await admissionContext(this.directory, this.clock.today(), cellId, body);
      const terms = await admissionTerms(this.directory, memberId, body, context);
      const events = readmitMember(
        {
          ...terms,
          cellId,
          provincialConsent: body.provincialConsent ?? false,
          specialHardship: body.specialHardship,
          convictionExpungedOn: body.convictionExpungedOn,
        },
        own.state,
        // REM-7's bars (disunity, convictions) come from court and inspection records the ledger
        // does not hold yet: none are known, so none refuse.
        { ...context, bars: [] },
      );
      return { events, facts };
    });
  }
}
