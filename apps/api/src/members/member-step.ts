import { createHash, randomUUID } from 'node:crypto';
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
  return executor.execute(command.meta, async () => {
    const own = await directory.existingMember(id);
    const decided = await decide(own);
    const decisionRef = (command.body as { decisionRef?: string }).decisionRef;
    return { id, stream: own, decisionRef, ...decided };
  });
}

/**
 * An id the server generates. With an Idempotency-Key it is derived from the key, so a repeated
 * request is answered with the id of the first (the log keeps only the result's stream versions);
 * without one it is random. Formatted as a name-based (version 5) uuid.
 */
export const generatedId = (meta: CommandMeta, purpose: string): string => {
  if (!meta.idempotencyKey) return randomUUID();
  const hex = createHash('sha256').update(`${purpose}\n${meta.idempotencyKey}`).digest('hex');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
};
