import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { moveOrganization } from '@ledger/domain';
import { existing } from './organization-step';
import { CommandExecutor } from '../commands/command-executor';
import { CommandResult } from '../commands/command-result';
import { Directory } from '../commands/directory';
import { MoveOrganizationDto } from './organization.dtos';
import { OrganizationCommand, runOrganizationStep } from './organization-step';

export class MoveOrganizationCommand extends OrganizationCommand<MoveOrganizationDto> {}

@CommandHandler(MoveOrganizationCommand)
export class MoveOrganizationHandler implements ICommandHandler<MoveOrganizationCommand, CommandResult> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly directory: Directory,
  ) {}

  execute(command: MoveOrganizationCommand): Promise<CommandResult> {
    const { organizationId, body } = command;
    return runOrganizationStep(this.executor, this.directory, command, async (own) => {
      const newParent = await this.directory.existingOrganization(body.newParentId);
      const ancestors = await this.directory.ancestors(body.newParentId);
      const events = moveOrganization({ organizationId, ...body }, own.state, {
        newParent: newParent.state,
        newParentAncestorIds: ancestors.map((a) => existing(a).id),
      });
      return { events, facts: [newParent, ...ancestors] };
    });
  }
}
