import { RecordCorrected, isCorrectionEvent } from './corrections.events';

/** What corrections need of an event: the stored envelope and the domain event both have it. */
export interface CorrectableEvent {
  eventId: string;
  type: string;
  data: Record<string, unknown>;
  effectiveDate: string;
}

/** The target as a correction says it should have been recorded. */
export const applyCorrection = <T extends CorrectableEvent>(
  target: T,
  correction: RecordCorrected['data'],
): T => ({
  ...target,
  effectiveDate: correction.effectiveDate ?? target.effectiveDate,
  data: { ...target.data, ...(correction.changes ?? {}) },
});

/**
 * The events as they should have been recorded (SEMANTICS.md rule 1): order kept; each target of a
 * RecordCorrected replaced by the latest correction of it (latest by position in `events`); each target
 * of a RecordRetracted removed; the correction and retraction events themselves dropped. A list without
 * correction events comes back equal, so applying it twice changes nothing.
 */
export const applyCorrections = <T extends CorrectableEvent>(events: T[]): T[] => {
  const corrections = new Map<string, RecordCorrected['data']>();
  const retracted = new Set<string>();
  for (const event of events) {
    if (event.type === 'RecordCorrected') {
      const data = event.data as RecordCorrected['data'];
      corrections.set(data.correctedEventId, data);
    } else if (event.type === 'RecordRetracted') {
      retracted.add(String(event.data.retractedEventId));
    }
  }
  const result: T[] = [];
  for (const event of events) {
    if (isCorrectionEvent(event) || retracted.has(event.eventId)) continue;
    const correction = corrections.get(event.eventId);
    result.push(correction ? applyCorrection(event, correction) : event);
  }
  return result;
};
