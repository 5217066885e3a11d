import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { assessOrganization } from '@ledger/domain';
import { CommandExecutor } from '../commands/command-executor';
import { CommandResult } from '../commands/command-result';
import { Directory } from '../commands/directory';
import { AssessOrganizationDto } from './organization.dtos';
import { OrganizationCommand, runOrganizationStep } from './organization-step';

export class AssessOrganizationCommand extends OrganizationCommand<AssessOrganizationDto> {}

@CommandHandler(AssessOrganizationCommand)
export class AssessOrganizationHandler implements ICommandHandler<AssessOrganizationCommand, CommandResult> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly directory: Directory,
  ) {}

  execute(command: AssessOrganizationCommand): Promise<CommandResult> {
    const { organizationId, body } = command;
    return runOrganizationStep(this.executor, this.directory, command, async (own) => {
      const effectiveDate = body.effectiveDate ?? `${body.year}-12-31`;
      return {
        events: assessOrganization(
          { organizationId, year: body.year, rating: body.rating, effectiveDate },
          own.state,
        ),
      };
    });
  }
}
