import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { appointCommitteeMember } from '@ledger/domain';
import { CommandExecutor } from '../commands/command-executor';
import { CommandResult } from '../commands/command-result';
import { Directory } from '../commands/directory';
import { AppointCommitteeMemberDto } from './organization.dtos';
import { OrganizationCommand, runOrganizationStep } from './organization-step';

export class AppointCommitteeMemberCommand extends OrganizationCommand<AppointCommitteeMemberDto> {}

@CommandHandler(AppointCommitteeMemberCommand)
export class AppointCommitteeMemberHandler implements ICommandHandler<
  AppointCommitteeMemberCommand,
  CommandResult
> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly directory: Directory,
  ) {}

  execute(command: AppointCommitteeMemberCommand): Promise<CommandResult> {
    const { organizationId, body } = command;
    return runOrganizationStep(this.executor, this.directory, command, async (own) => {
      const appointee = await this.directory.existingMember(body.memberId);
      const officials = await this.directory.officialMembersUnder(organizationId);
      const events = appointCommitteeMember({ organizationId, ...body }, own.state, {
        appointeeIsOfficialMember: officials.some((m) => m.streamId === appointee.streamId),
        officialMemberCount: officials.length,
      });
      return { events, facts: [appointee] };
    });
  }
}
