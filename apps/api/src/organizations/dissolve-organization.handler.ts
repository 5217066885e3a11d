import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { dissolveOrganization } from '@ledger/domain';
import { CommandExecutor } from '../commands/command-executor';
import { CommandResult } from '../commands/command-result';
import { Directory } from '../commands/directory';
import { childrenOfReference, membersOfReference } from '../commands/references';
import { DissolveOrganizationDto } from './organization.dtos';
import { OrganizationCommand, runOrganizationStep } from './organization-step';

export class DissolveOrganizationCommand extends OrganizationCommand<DissolveOrganizationDto> {}

@CommandHandler(DissolveOrganizationCommand)
export class DissolveOrganizationHandler implements ICommandHandler<
  DissolveOrganizationCommand,
  CommandResult
> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly directory: Directory,
  ) {}

  execute(command: DissolveOrganizationCommand): Promise<CommandResult> {
    const { organizationId, body } = command;
    return runOrganizationStep(this.executor, this.directory, command, async (own) => {
      const [members, children] = await Promise.all([
        this.directory.membersOf(organizationId),
        this.directory.children(organizationId),
      ]);
      const events = dissolveOrganization({ organizationId, ...body }, own.state, {
        activeMemberCount: members.length,
        activeChildCount: children.length,
      });
      return {
        events,
        facts: [...members, ...children],
        references: [membersOfReference(organizationId), childrenOfReference(organizationId)],
      };
    });
  }
}
