import type { AppendResult, StoredEvent, StreamAppend } from '@ledger/event-store';

/**
 * A store that keeps what is appended in memory, as the log would hold it (positions, versions, one
 * recordedAt per append), checking expected versions as the real store does. Test code only.
 */
export class MemoryLog {
  readonly events: StoredEvent[] = [];
  readonly appends: StreamAppend[][] = [];
  private readonly versions = new Map<string, number>();

  async appendMany(appends: StreamAppend[]): Promise<AppendResult> {
    const recordedAt = new Date(Date.UTC(2026, 6, 1) + this.appends.length).toISOString();
    this.appends.push(appends);
    const streams: AppendResult['streams'] = [];
    const first = this.events.length + 1;
    for (const a of appends) {
      let version = this.versions.get(a.streamId) ?? -1;
      const expected = a.expectedVersion === 'no_stream' ? -1 : a.expectedVersion;
      if (expected !== 'any' && expected !== version)
        throw new Error(`${a.streamId} is at ${version}, the append expected ${String(a.expectedVersion)}`);
      for (const e of a.events)
        this.events.push({
          globalPosition: this.events.length + 1,
          streamId: a.streamId,
          streamVersion: ++version,
          eventId: e.eventId!,
          type: e.type,
          schemaVersion: 1,
          data: e.data,
          effectiveDate: e.effectiveDate,
          recordedAt,
          metadata: e.metadata ?? {},
          hash: '',
        });
      this.versions.set(a.streamId, version);
      streams.push({ streamId: a.streamId, version });
    }
    return { streams, firstPosition: first, lastPosition: this.events.length, replayed: false };
  }
}
