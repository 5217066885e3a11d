import { DomainEvent, ExistingOrganization, Organization } from '@ledger/domain';
import { CommandExecutor, Loaded, Plan } from '../commands/command-executor';
import { CommandMeta } from '../commands/command-meta';
import { CommandResult } from '../commands/command-result';
import { Directory } from '../commands/directory';

/** A command on an existing organization: `:id` from the path, the validated body, the request's meta. */
export abstract class OrganizationCommand<B> {
  constructor(
    readonly organizationId: string,
    readonly body: B,
    readonly meta: CommandMeta,
  ) {}
}

/**
 * The shape every step on an existing organization shares: 404 for an unknown id, replay for a
 * known idempotency key, then load, decide and append through the executor.
 */
export async function runOrganizationStep(
  executor: CommandExecutor,
  directory: Directory,
  command: OrganizationCommand<object>,
  decide: (
    own: Loaded<Organization>,
  ) => Promise<Omit<Plan, 'id' | 'stream' | 'decisionRef'> & { events: DomainEvent[] }>,
): Promise<CommandResult> {
  const id = command.organizationId;
  const replay = await executor.replayed(command.meta, id, `organization-${id}`);
  if (replay) return replay;
  return executor.execute(command.meta, async (attempt) => {
    const own = await directory.existingOrganization(id, attempt);
    const decided = await decide(own);
    const decisionRef = (command.body as { decisionRef?: string }).decisionRef;
    return { id, stream: own, decisionRef, ...decided };
  });
}

export const existing = (o: Loaded<Organization>): ExistingOrganization => o.state as ExistingOrganization;
