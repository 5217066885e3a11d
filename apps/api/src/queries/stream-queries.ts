import { Inject, Injectable } from '@nestjs/common';
import { applyCorrections, DomainEvent, EntityNotFound } from '@ledger/domain';
import { EVENT_STORE, EventStore, StoredEvent } from '@ledger/event-store';
import { toDomainEvent } from '../commands/command-executor';

export interface HistoryEntry {
  position: number;
  version: number;
  type: string;
  effectiveDate: string;
  recordedAt: string;
  decisionRef?: string;
  actor?: string;
  causationId?: string;
  eventId: string;
  data: Record<string, unknown>;
}

/** Reading one stream: its state on a date (valid time), and its whole history with both dates. */
@Injectable()
export class StreamQueries {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /**
   * The state on `asOf`: the stream's events with an effective date on or before it, folded in the
   * order they were recorded. Undefined when nothing had happened to the stream by then.
   */
  async stateAsOf<S, E extends DomainEvent>(
    entity: string,
    id: string,
    streamId: string,
    evolve: (s: S, e: E) => S,
    initial: S,
    asOf?: string,
  ): Promise<{ state: S; version: number }> {
    const events = await this.store.readStream(streamId);
    if (events.length === 0) throw new EntityNotFound(entity, id);
    const corrected = applyCorrections(events);
    const effective = asOf ? corrected.filter((e) => e.effectiveDate <= asOf) : corrected;
    if (effective.length === 0) throw new EntityNotFound(entity, `${id} (as of ${asOf})`);
    return {
      state: effective.map(toDomainEvent).reduce((s, e) => evolve(s, e as E), initial),
      version: events.length - 1,
    };
  }

  async history(entity: string, id: string, streamId: string): Promise<HistoryEntry[]> {
    const events = await this.store.readStream(streamId);
    if (events.length === 0) throw new EntityNotFound(entity, id);
    return events.map(entry);
  }
}

export const entry = (e: StoredEvent): HistoryEntry => ({
  position: e.globalPosition,
  version: e.streamVersion,
  type: e.type,
  effectiveDate: e.effectiveDate,
  recordedAt: e.recordedAt,
  decisionRef: (e.data.decisionRef as string | undefined) ?? e.metadata.decisionRef,
  actor: e.metadata.actor,
  causationId: e.metadata.causationId,
  eventId: e.eventId,
  data: e.data,
});
