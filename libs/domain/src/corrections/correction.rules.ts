import { isIsoDate } from '../shared/dates';
import { RuleViolation } from '../shared/rule-violation';
import { CorrectableEvent } from './apply-corrections';
import { IDENTITY_FIELDS, isCorrectionEvent } from './corrections.events';

/*
 * Corrections refuse with ids of their own (the rulebook takes the ledger's own mistakes for granted):
 * - CORRECTION-TARGET  the event named is not in the stream, is itself a correction or retraction, or was
 *                      retracted already.
 * - CORRECTION-FIELDS  a change to an identity field (IDENTITY_FIELDS) or to a field the target's data does
 *                      not have; or a retraction that also carries changes.
 * - CORRECTION-EMPTY   nothing would differ from the record as it stands (corrections included).
 * - CORRECTION-DATE    a corrected date that is not on the calendar; a corrected effective date after today.
 * - CORRECTION-ORDER   the corrected effective date lies before the stream's first record (what every
 *                      later record depends on), or the corrected stream no longer folds.
 */

/** Equality of JSON values, so that a "change" to the value already there is seen as none. */
export const sameJson = (a: unknown, b: unknown): boolean => {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return (
    ka.length === kb.length &&
    ka.every((k) => sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
  );
};

export const requireTarget = <T extends CorrectableEvent>(
  streamId: string,
  eventId: string,
  streamEvents: T[],
): T => {
  const target = streamEvents.find((e) => e.eventId === eventId);
  const inStream = (target as { streamId?: string } | undefined)?.streamId;
  if (!target || (inStream !== undefined && inStream !== streamId))
    throw new RuleViolation('CORRECTION-TARGET', `No event ${eventId} in ${streamId}`);
  if (isCorrectionEvent(target))
    throw new RuleViolation(
      'CORRECTION-TARGET',
      `${eventId} is a ${target.type}; correct its target instead`,
    );
  if (streamEvents.some((e) => e.type === 'RecordRetracted' && e.data.retractedEventId === eventId))
    throw new RuleViolation('CORRECTION-TARGET', `${eventId} was retracted`);
  return target;
};

/** Only the facts of the record change, never whose record it is, and no field is added. */
export const requireCorrectableFields = (
  changes: Record<string, unknown>,
  target: CorrectableEvent,
): void => {
  for (const [field, value] of Object.entries(changes)) {
    if (IDENTITY_FIELDS.includes(field))
      throw new RuleViolation(
        'CORRECTION-FIELDS',
        `${field} says whose record this is; it cannot be corrected`,
      );
    if (!Object.prototype.hasOwnProperty.call(target.data, field))
      throw new RuleViolation('CORRECTION-FIELDS', `A ${target.type} has no ${field}`);
    const before = target.data[field];
    if (typeof before === 'string' && isIsoDate(before) && typeof value === 'string' && !isIsoDate(value))
      throw new RuleViolation('CORRECTION-DATE', `${field} ${value} is not a calendar date`);
  }
};

export const requireCorrectedDate = (effectiveDate: string, today: string): void => {
  if (!isIsoDate(effectiveDate))
    throw new RuleViolation('CORRECTION-DATE', `effectiveDate ${effectiveDate} is not a calendar date`);
  if (effectiveDate > today)
    throw new RuleViolation('CORRECTION-DATE', `effectiveDate ${effectiveDate} is after today (${today})`);
};

/**
 * Every later record of a stream depends on its first one (a nomination, an establishment): nothing may be
 * moved before it. The first record itself may move earlier.
 */
export const requireAfterFirstRecord = <T extends CorrectableEvent>(
  effectiveDate: string,
  targetId: string,
  correctedStream: T[],
): void => {
  const [first] = correctedStream;
  if (first && first.eventId !== targetId && effectiveDate < first.effectiveDate)
    throw new RuleViolation(
      'CORRECTION-ORDER',
      `effectiveDate ${effectiveDate} is before the stream's first record (${first.type} of ${first.effectiveDate})`,
    );
};

/** Evolve never throws, but the fold given may (an upcaster, a check of its own): its refusal is ours. */
export const requireFolds = <T>(events: T[], fold: (events: T[]) => unknown): void => {
  try {
    fold(events);
  } catch (error) {
    if (error instanceof RuleViolation) throw error;
    const detail = error instanceof Error ? error.message : String(error);
    throw new RuleViolation('CORRECTION-ORDER', `The corrected history does not fold: ${detail}`);
  }
};
