import { DomainEvent } from '../shared/domain-event';

/**
 * A correction of a record found wrong after it was stored. Appended to the same stream as the event it
 * corrects; the stored event itself is never rewritten. `effectiveDate` (in data) is the corrected
 * effective date of the target; `changes` patches the target's data, field by field. A later correction
 * of the same target replaces this one whole, so each correction states everything corrected so far.
 * The envelope's effectiveDate is the day the correction was decided.
 */
export type RecordCorrected = DomainEvent<
  'RecordCorrected',
  {
    correctedEventId: string;
    effectiveDate?: string;
    changes?: Record<string, unknown>;
    reason: string;
  }
>;

/** The target should never have been recorded: every reading of the log leaves it out. Same stream as the target. */
export type RecordRetracted = DomainEvent<'RecordRetracted', { retractedEventId: string; reason: string }>;

export type CorrectionEvent = RecordCorrected | RecordRetracted;

export const CORRECTION_EVENT_TYPES: readonly CorrectionEvent['type'][] = [
  'RecordCorrected',
  'RecordRetracted',
];

export const isCorrectionEvent = (event: { type: string }): boolean =>
  (CORRECTION_EVENT_TYPES as readonly string[]).includes(event.type);

/**
 * Data fields that say whose record an event is. Changing one would move the record to another entity
 * (or transfer, or case), which is a retraction and a new record, never a correction.
 */
export const IDENTITY_FIELDS: readonly string[] = ['memberId', 'organizationId', 'transferId', 'caseId'];
