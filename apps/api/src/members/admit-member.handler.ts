import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { admitMember } from '@ledger/domain';
import { Clock, CLOCK } from '../commands/clock';
import { CommandExecutor } from '../commands/command-executor';
import { CommandResult } from '../commands/command-result';
import { Directory } from '../commands/directory';
import { admissionContext, admissionTerms } from './admission-context';
import { AdmitMemberDto } from './admission.dtos';
import { known, MemberCommand, runMemberStep } from './member-step';

export class AdmitMemberCommand extends MemberCommand<AdmitMemberDto> {}

/** ADM: the candidate is admitted into the cell that nominated them, as a probationary member. */
@CommandHandler(AdmitMemberCommand)
export class AdmitMemberHandler implements ICommandHandler<AdmitMemberCommand, CommandResult> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly directory: Directory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute(command: AdmitMemberCommand): Promise<CommandResult> {
    const { memberId, body } = command;
    return runMemberStep(this.executor, this.directory, command, async (own) => {
      const { cellId } = known(own);
      const { context, facts } = await admissionContext(this.directory, this.clock.today(), cellId, body);
      const terms = await admissionTerms(this.directory, memberId, body, context);
      return { events: admitMember(terms, own.state, context), facts };
    });
  }
}
