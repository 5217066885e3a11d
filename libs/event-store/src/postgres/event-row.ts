import { StoredEvent } from '../envelope';

/** A row of ledger_events as node-postgres returns it (bigint as string, date as text: see pg-types.ts). */
export interface EventRow {
  global_position: string;
  stream_id: string;
  stream_version: number;
  event_id: string;
  type: string;
  schema_version: number;
  data: Record<string, unknown>;
  effective_date: string;
  recorded_at: Date;
  metadata: Record<string, unknown>;
  hash: string;
}

export const toStoredEvent = (row: EventRow): StoredEvent => ({
  globalPosition: Number(row.global_position),
  streamId: row.stream_id,
  streamVersion: row.stream_version,
  eventId: row.event_id,
  type: row.type,
  schemaVersion: row.schema_version,
  data: row.data,
  effectiveDate: row.effective_date,
  recordedAt: row.recorded_at.toISOString(),
  metadata: row.metadata,
  hash: row.hash,
});
