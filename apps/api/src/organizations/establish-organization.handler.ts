import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { establishOrganization } from '@ledger/domain';
import { CommandExecutor } from '../commands/command-executor';
import { generatedId } from '../commands/generated-id';
import { CommandMeta } from '../commands/command-meta';
import { CommandResult } from '../commands/command-result';
import { Directory } from '../commands/directory';
import { EstablishOrganizationDto } from './organization.dtos';

export class EstablishOrganizationCommand {
  constructor(
    readonly body: EstablishOrganizationDto,
    readonly meta: CommandMeta,
  ) {}
}

@CommandHandler(EstablishOrganizationCommand)
export class EstablishOrganizationHandler implements ICommandHandler<
  EstablishOrganizationCommand,
  CommandResult
> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly directory: Directory,
  ) {}

  async execute({ body, meta }: EstablishOrganizationCommand): Promise<CommandResult> {
    const id = body.id ?? generatedId(meta, 'organization');
    const replay = await this.executor.replayed(meta, id, `organization-${id}`);
    if (replay) return replay;
    return this.executor.execute(meta, async () => {
      const own = await this.directory.organization(id);
      const parent = body.parentId ? await this.directory.existingOrganization(body.parentId) : null;
      const events = establishOrganization(
        {
          organizationId: id,
          name: body.name,
          kind: body.kind,
          parentId: body.parentId ?? null,
          effectiveDate: body.effectiveDate,
          decisionRef: body.decisionRef,
        },
        own.state,
        { parent: parent?.state ?? null },
      );
      return { id, stream: own, events, facts: parent ? [parent] : [], decisionRef: body.decisionRef };
    });
  }
}
