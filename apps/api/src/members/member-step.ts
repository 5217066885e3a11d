import { DomainEvent, Member, memberStream } from '@ledger/domain';
import { CommandExecutor, Loaded, Plan } from '../commands/command-executor';
import { CommandMeta } from '../commands/command-meta';
import { CommandResult } from '../commands/command-result';
import { Directory } from '../commands/directory';

/** A command on an existing member: `:id` from the path, the validated body, the request's meta. */
export abstract class MemberCommand<B> {
  constructor(
    readonly memberId: string,
    readonly body: B,
    readonly meta: CommandMeta,
  ) {}
}

/** A member stream that holds a person (candidate, member, or someone who left). */
export type KnownMember = Exclude<Member, { status: 'none' }>;

export const known = (loaded: Loaded<Member>): KnownMember => loaded.state as KnownMember;

/**
 * The shape every step on an existing member shares: replay for a known idempotency key, 404 for an
 * unknown id, then load, decide and append through the executor. A decision that returns no events
 * (the domain's answer to a no-op) appends nothing and answers with the current version.
 */
export async function runMemberStep(
  executor: CommandExecutor,
  directory: Directory,
  command: MemberCommand<object>,
  decide: (
    own: Loaded<Member>,
  ) => Promise<Omit<Plan, 'id' | 'stream' | 'decisionRef'> & { events: DomainEvent[] }>,
): Promise<CommandResult> {
  const id = command.memberId;
  const replay = await executor.replayed(command.meta, id, memberStream(id));
  if (replay) return replay;
  return executor.execute(command.meta, async (attempt) => {
    const own = await directory.existingMember(id, attempt);
    const decided = await decide(own);
    const decisionRef = (command.body as { decisionRef?: string }).decisionRef;
    return { id, stream: own, decisionRef, ...decided };
  });
}
