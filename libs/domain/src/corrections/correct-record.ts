import { RuleViolation } from '../shared/rule-violation';
import { CorrectableEvent, applyCorrection, applyCorrections } from './apply-corrections';
import {
  requireAfterFirstRecord,
  requireCorrectableFields,
  requireCorrectedDate,
  requireFolds,
  requireTarget,
  sameJson,
} from './correction.rules';
import { CorrectionEvent, RecordCorrected } from './corrections.events';

/** Correct (or, with `retract`, remove) one recorded event of a stream. */
export interface CorrectRecord {
  readonly streamId: string;
  readonly correctedEventId: string;
  /** The effective date the target should have had. */
  readonly effectiveDate?: string;
  /** A partial patch of the target's data. */
  readonly changes?: Record<string, unknown>;
  readonly retract?: boolean;
  readonly reason: string;
}

export interface CorrectRecordContext<T> {
  readonly today: string;
  /** Folds a stream's events (corrected, oldest first) into its state, e.g. with evolveMember. */
  readonly fold: (events: T[]) => unknown;
}

/**
 * `streamEvents`: the stream's stored events, oldest first, earlier corrections included. The correction
 * returned carries the earlier correction of the same target merged with this one (latest wins whole, so
 * nothing corrected before is lost), and its effectiveDate is today.
 */
export const correctRecord = <T extends CorrectableEvent>(
  command: CorrectRecord,
  streamEvents: T[],
  context: CorrectRecordContext<T>,
): CorrectionEvent[] => {
  const target = requireTarget(command.streamId, command.correctedEventId, streamEvents);
  const current = applyCorrections(streamEvents);
  const { reason } = command;
  if (command.retract) {
    if (command.effectiveDate !== undefined || command.changes !== undefined)
      throw new RuleViolation('CORRECTION-FIELDS', 'A retraction removes the record; it changes no field');
    requireFolds(
      current.filter((e) => e.eventId !== target.eventId),
      context.fold,
    );
    const data = { retractedEventId: target.eventId, reason };
    return [{ type: 'RecordRetracted', data, effectiveDate: context.today }];
  }
  const changes = command.changes ?? {};
  requireCorrectableFields(changes, target);
  if (command.effectiveDate !== undefined) requireCorrectedDate(command.effectiveDate, context.today);
  const now = current.find((e) => e.eventId === target.eventId) ?? target;
  const differs =
    (command.effectiveDate !== undefined && command.effectiveDate !== now.effectiveDate) ||
    Object.entries(changes).some(([field, value]) => !sameJson(value, now.data[field]));
  if (!differs)
    throw new RuleViolation('CORRECTION-EMPTY', `The correction leaves ${target.eventId} as it stands`);
  const data = merged(command, latestCorrection(streamEvents, target.eventId));
  const correctedStream = current.map((e) =>
    e.eventId === target.eventId ? applyCorrection(target, data) : e,
  );
  if (command.effectiveDate !== undefined)
    requireAfterFirstRecord(command.effectiveDate, target.eventId, correctedStream);
  requireFolds(correctedStream, context.fold);
  return [{ type: 'RecordCorrected', data, effectiveDate: context.today }];
};

const latestCorrection = (events: CorrectableEvent[], eventId: string) =>
  events
    .filter((e) => e.type === 'RecordCorrected' && e.data.correctedEventId === eventId)
    .map((e) => e.data as RecordCorrected['data'])
    .pop();

const merged = (command: CorrectRecord, previous?: RecordCorrected['data']): RecordCorrected['data'] => {
  const effectiveDate = command.effectiveDate ?? previous?.effectiveDate;
  const changes = { ...(previous?.changes ?? {}), ...(command.changes ?? {}) };
  return {
    correctedEventId: command.correctedEventId,
    ...(effectiveDate !== undefined ? { effectiveDate } : {}),
    ...(Object.keys(changes).length > 0 ? { changes } : {}),
    reason: command.reason,
  };
};
