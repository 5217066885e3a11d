import {
  DomainEvent,
  MemberEvent,
  OrganizationEvent,
  memberStream,
  organizationStream,
} from '@ledger/domain';
import type { StoredEvent } from '@ledger/event-store/envelope';

/**
 * Spec fixtures: logs built by appending events as the store would hold them — positions from 1, stream
 * versions from 0, recordedAt one second apart unless `recordAt` jumps ahead. Not part of the build.
 */
export class LogBuilder {
  readonly log: StoredEvent[] = [];
  private readonly versions = new Map<string, number>();
  private clock = Date.parse('2020-01-01T00:00:00.000Z');

  /** The next events are recorded from `instant` on; recordedAt never goes back. */
  recordAt(instant: string): this {
    this.clock = Math.max(this.clock, Date.parse(instant) - 1000);
    return this;
  }

  /** The recordedAt of the last event appended. */
  get now(): string {
    return new Date(this.clock).toISOString();
  }

  append(streamId: string, event: DomainEvent<string, object>, eventId?: string): StoredEvent {
    this.clock += 1000;
    const streamVersion = (this.versions.get(streamId) ?? -1) + 1;
    this.versions.set(streamId, streamVersion);
    const globalPosition = this.log.length + 1;
    const stored: StoredEvent = {
      globalPosition,
      streamId,
      streamVersion,
      eventId: eventId ?? `ev-${globalPosition}`,
      type: event.type,
      schemaVersion: 1,
      data: { ...event.data },
      effectiveDate: event.effectiveDate,
      recordedAt: new Date(this.clock).toISOString(),
      metadata: {},
      hash: `hash-${globalPosition}`,
    };
    this.log.push(stored);
    return stored;
  }

  org(...events: OrganizationEvent[]): this {
    for (const e of events) this.append(organizationStream(e.data.organizationId), e);
    return this;
  }

  member(...events: MemberEvent[]): this {
    for (const e of events) this.append(memberStream(e.data.memberId), e);
    return this;
  }

  /** The events of a stream as stored so far, oldest first. */
  stream(streamId: string): StoredEvent[] {
    return this.log.filter((e) => e.streamId === streamId);
  }
}
