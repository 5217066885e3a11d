import { PoolClient } from 'pg';
import { StoredEvent } from '@ledger/event-store';
import { PositionedEvent } from './member-rows';

export interface LoadedEvent extends PositionedEvent {
  streamId: string;
}

/**
 * The streams a projector has read, kept between batches so that a catch-up reads each stream
 * from the database once instead of once per batch that touches it. It is trusted only while
 * batches arrive one after the other (positions are gap-free, so a batch must start right after
 * the previous one); anything else — a retried batch after a failed commit, events applied by
 * another runner — empties it. Bounded: past `limit` events it starts over.
 */
export class StreamCache {
  private readonly streams = new Map<string, LoadedEvent[]>();
  private size = 0;
  private last = -1;

  constructor(private readonly limit = 300_000) {}

  /** Every event, up to the batch's end, of each stream the batch touches. */
  async forBatch(client: PoolClient, batch: readonly StoredEvent[]): Promise<Map<string, LoadedEvent[]>> {
    if (batch[0].globalPosition !== this.last + 1 || this.size > this.limit) this.clear();
    const streams = [...new Set(batch.map((e) => e.streamId))];
    const missing = streams.filter((s) => !this.streams.has(s));
    const upTo = batch[batch.length - 1].globalPosition;
    // Missing streams are read up to the end of the batch; cached ones get the batch's events.
    const loaded =
      missing.length > 0 ? await loadStreams(client, missing, upTo) : new Map<string, LoadedEvent[]>();
    for (const e of batch) {
      if (loaded.has(e.streamId) || missing.includes(e.streamId)) continue;
      this.streams.get(e.streamId)!.push(toLoaded(e));
      this.size += 1;
    }
    for (const s of missing) {
      const events = loaded.get(s) ?? [];
      this.streams.set(s, events);
      this.size += events.length;
    }
    this.last = upTo;
    return new Map(streams.map((s) => [s, this.streams.get(s)!]));
  }

  clear(): void {
    this.streams.clear();
    this.size = 0;
    this.last = -1;
  }
}

const toLoaded = (e: StoredEvent): LoadedEvent => ({
  streamId: e.streamId,
  eventId: e.eventId,
  globalPosition: e.globalPosition,
  type: e.type,
  data: e.data,
  effectiveDate: e.effectiveDate,
});

async function loadStreams(
  client: PoolClient,
  streams: string[],
  upTo: number,
): Promise<Map<string, LoadedEvent[]>> {
  const result = await client.query<{
    stream_id: string;
    event_id: string;
    global_position: string;
    type: string;
    data: Record<string, unknown>;
    effective_date: string;
  }>(
    `SELECT stream_id, event_id, global_position, type, data, effective_date::text FROM ledger_events
      WHERE stream_id = ANY($1) AND global_position <= $2 ORDER BY global_position`,
    [streams, upTo],
  );
  const byStream = new Map<string, LoadedEvent[]>();
  for (const r of result.rows) {
    const list = byStream.get(r.stream_id) ?? [];
    list.push({
      streamId: r.stream_id,
      eventId: r.event_id,
      globalPosition: Number(r.global_position),
      type: r.type,
      data: r.data,
      effectiveDate: r.effective_date,
    });
    byStream.set(r.stream_id, list);
  }
  return byStream;
}
