import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { renameOrganization } from '@ledger/domain';
import { CommandExecutor } from '../commands/command-executor';
import { CommandResult } from '../commands/command-result';
import { Directory } from '../commands/directory';
import { RenameOrganizationDto } from './organization.dtos';
import { OrganizationCommand, runOrganizationStep } from './organization-step';

export class RenameOrganizationCommand extends OrganizationCommand<RenameOrganizationDto> {}

@CommandHandler(RenameOrganizationCommand)
export class RenameOrganizationHandler implements ICommandHandler<RenameOrganizationCommand, CommandResult> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly directory: Directory,
  ) {}

  execute(command: RenameOrganizationCommand): Promise<CommandResult> {
    const { organizationId, body } = command;
    return runOrganizationStep(this.executor, this.directory, command, async (own) => {
      return { events: renameOrganization({ organizationId, ...body }, own.state) };
    });
  }
}
