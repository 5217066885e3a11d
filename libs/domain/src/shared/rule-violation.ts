/**
 * Thrown by a decision when a rule of the rulebook refuses the command. `ruleId` is the id in
 * shared/domain/RULEBOOK.md (e.g. `ADM-1`); `detail` says in plain language what was wrong.
 */
export class RuleViolation extends Error {
  constructor(
    readonly ruleId: string,
    readonly detail: string,
  ) {
    super(`${ruleId}: ${detail}`);
    this.name = 'RuleViolation';
  }
}

/** Thrown by a decision when the command targets a stream that has no such entity yet. */
export class EntityNotFound extends Error {
  constructor(
    readonly entity: string,
    readonly id: string,
  ) {
    super(`${entity} ${id} does not exist`);
    this.name = 'EntityNotFound';
  }
}
