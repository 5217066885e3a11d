import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { setAdmissionTarget } from '@ledger/domain';
import { CommandExecutor } from '../commands/command-executor';
import { CommandResult } from '../commands/command-result';
import { Directory } from '../commands/directory';
import { SetAdmissionTargetDto } from './organization.dtos';
import { OrganizationCommand, runOrganizationStep } from './organization-step';

export class SetAdmissionTargetCommand extends OrganizationCommand<SetAdmissionTargetDto> {}

@CommandHandler(SetAdmissionTargetCommand)
export class SetAdmissionTargetHandler implements ICommandHandler<SetAdmissionTargetCommand, CommandResult> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly directory: Directory,
  ) {}

  execute(command: SetAdmissionTargetCommand): Promise<CommandResult> {
    const { organizationId, body } = command;
    return runOrganizationStep(this.executor, this.directory, command, async (own) => {
      return { events: setAdmissionTarget({ organizationId, ...body }, own.state) };
    });
  }
}
