/**
 * Projections are total functions of the log: an event a fold does not know (a type added later,
 * or one that belongs to another stream kind) leaves the state as it was instead of stopping the
 * projector. The domain's evolve throws on an unknown type to catch missed cases at compile time.
 */
export const total =
  <S, E>(evolve: (state: S, event: E) => S) =>
  (state: S, event: E): S => {
    try {
      return evolve(state, event);
    } catch {
      return state;
    }
  };
