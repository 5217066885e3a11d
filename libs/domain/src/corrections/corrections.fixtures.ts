import { DomainEvent } from '../shared/domain-event';
import { MemberEvent } from '../member/member.events';
import { evolve, initialState } from '../member/member.state';
import { decider } from '../testing/given-when-then';
import { CorrectableEvent } from './apply-corrections';

/** Spec fixtures: a stream's events as stored (with ids), folded by appending. Not exported from the domain. */
export type Recorded = CorrectableEvent & { streamId?: string };

export const recorded = (eventId: string, event: DomainEvent<string, object>): Recorded => ({
  eventId,
  type: event.type,
  data: { ...event.data },
  effectiveDate: event.effectiveDate,
});

export const stream = decider((events: Recorded[], event: Recorded) => [...events, event], [] as Recorded[]);

export const foldMember = (events: Recorded[]) =>
  events.reduce((state, e) => evolve(state, e as unknown as MemberEvent), initialState);

export const correction = (
  eventId: string,
  data: { correctedEventId: string; effectiveDate?: string; changes?: Record<string, unknown> },
  on = '2025-05-01',
): Recorded => ({
  eventId,
  type: 'RecordCorrected',
  data: { ...data, reason: 'wrong on the form' },
  effectiveDate: on,
});

export const retraction = (eventId: string, retractedEventId: string, on = '2025-05-01'): Recorded => ({
  eventId,
  type: 'RecordRetracted',
  data: { retractedEventId, reason: 'never happened' },
  effectiveDate: on,
});
