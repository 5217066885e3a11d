import {
  DisciplineCase,
  disciplineCaseStream,
  DomainEvent,
  EntityNotFound,
  evolveDisciplineCase,
  ExistingCase,
  initialDisciplineCaseState,
} from '@ledger/domain';
import { Attempt, CommandExecutor, Loaded, Plan } from '../commands/command-executor';
import { CommandMeta } from '../commands/command-meta';
import { CommandResult } from '../commands/command-result';

/** A step on an existing discipline case: `:id` from the path, the validated body, the request's meta. */
export abstract class CaseCommand<B> {
  constructor(
    readonly caseId: string,
    readonly body: B,
    readonly meta: CommandMeta,
  ) {}
}

/** `attempt`: only for the command's own stream (CommandExecutor.load, Attempt). */
export const loadCase = (
  executor: CommandExecutor,
  caseId: string,
  attempt?: Attempt,
): Promise<Loaded<DisciplineCase>> =>
  executor.load(disciplineCaseStream(caseId), evolveDisciplineCase, initialDisciplineCaseState, [], attempt);

/** What a step decides besides its own stream: the effects on the subject and the facts it relied on. */
export type CaseDecision = Omit<Plan, 'id' | 'stream' | 'decisionRef'> & { events: DomainEvent[] };

/**
 * The shape every step on an existing case shares: replay for a known idempotency key, 404 for an
 * unknown case, then load, decide and append (with the effects on the subject) through the executor.
 */
export async function runCaseStep(
  executor: CommandExecutor,
  command: CaseCommand<object>,
  decide: (own: Loaded<DisciplineCase>, kase: ExistingCase) => Promise<CaseDecision>,
): Promise<CommandResult> {
  const id = command.caseId;
  const replay = await executor.replayed(command.meta, id, disciplineCaseStream(id));
  if (replay) return replay;
  return executor.execute(command.meta, async (attempt) => {
    const own = await loadCase(executor, id, attempt);
    if (own.state.status === 'none') throw new EntityNotFound('discipline-case', id);
    const decided = await decide(own, own.state);
    const decisionRef = (command.body as { decisionRef?: string }).decisionRef;
    return { id, stream: own, decisionRef, ...decided };
  });
}
