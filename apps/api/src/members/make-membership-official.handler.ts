import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { countedInCell, makeMembershipOfficial } from '@ledger/domain';
import { Clock, CLOCK } from '../commands/clock';
import { CommandExecutor } from '../commands/command-executor';
import { CommandResult } from '../commands/command-result';
import { Directory } from '../commands/directory';
import { MakeMembershipOfficialDto } from './admission.dtos';
import { known, MemberCommand, runMemberStep } from './member-step';

export class MakeMembershipOfficialCommand extends MemberCommand<MakeMembershipOfficialDto> {}

/**
 * PRB-1, PRB-4, PRB-7. The cell's official members are those counted in it (countedInCell): a member
 * on an official transfer out or in is counted nowhere (TRF-7), one away on a temporary transfer is
 * still counted at home (TRF-6).
 */
@CommandHandler(MakeMembershipOfficialCommand)
export class MakeMembershipOfficialHandler implements ICommandHandler<
  MakeMembershipOfficialCommand,
  CommandResult
> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly directory: Directory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute(command: MakeMembershipOfficialCommand): Promise<CommandResult> {
    const { memberId, body } = command;
    return runMemberStep(this.executor, this.directory, command, async (own) => {
      const { cellId } = known(own);
      const inCell = await this.directory.membersOf(cellId);
      const officials = inCell.filter(
        (m) => m.state.status === 'official' && countedInCell(m.state) === cellId,
      );
      const events = makeMembershipOfficial(
        { memberId, decisionRef: body.decisionRef, decidedOn: body.effectiveDate },
        own.state,
        { today: this.clock.today(), officialMembersInCell: officials.length },
      );
      return { events, facts: inCell };
    });
  }
}
