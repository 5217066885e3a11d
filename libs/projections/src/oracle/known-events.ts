import { applyCorrections } from '@ledger/domain';
import type { StoredEvent } from '@ledger/event-store/envelope';

const instant = (value: string): number => Date.parse(value);

/**
 * SEMANTICS.md rule 1, the corrected known events: those recorded by `knownAt` (all when it is absent), in
 * global order, with the corrections recorded by then applied and the correction events dropped.
 * Instants are compared as instants (Date.parse, millisecond precision), not as strings, so that
 * `2025-01-01T07:00:00+07:00` and `2025-01-01T00:00:00.000Z` mean the same.
 */
export const knownEvents = (log: readonly StoredEvent[], knownAt?: string): StoredEvent[] => {
  const inOrder = [...log].sort((a, b) => a.globalPosition - b.globalPosition);
  if (knownAt === undefined) return applyCorrections(inOrder);
  const limit = instant(knownAt);
  if (Number.isNaN(limit)) throw new RangeError(`knownAt ${knownAt} is not an instant`);
  return applyCorrections(inOrder.filter((e) => instant(e.recordedAt) <= limit));
};
