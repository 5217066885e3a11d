import { DomainEvent } from '../shared/domain-event';
import { RuleViolation } from '../shared/rule-violation';

/**
 * Given/when/then for deciders: fold the given events with `evolve`, run the decision, and
 * compare the events it returns (or the rule id it refuses with).
 */
export const decider = <S, E extends DomainEvent>(evolve: (state: S, event: E) => S, initialState: S) => ({
  given: (...events: E[]) => {
    const state = events.reduce(evolve, initialState);
    return {
      state,
      when: <R>(decide: (state: S) => R) => ({
        then: (expected: R) => expect(decide(state)).toEqual(expected),
        thenMatches: (expected: unknown) => expect(decide(state)).toMatchObject(expected as object),
        thenRefuses: (ruleId: string) => {
          let thrown: unknown;
          try {
            decide(state);
          } catch (error) {
            thrown = error;
          }
          expect(thrown).toBeInstanceOf(RuleViolation);
          expect((thrown as RuleViolation).ruleId).toBe(ruleId);
        },
      }),
    };
  },
});
