import { Pool, PoolClient } from 'pg';
import { StoredEvent } from '../envelope';
import { EventJson } from './prepared-json';

/**
 * Writes complete envelopes (positions and hashes already set) in one multi-row INSERT; with
 * `head`, the same statement moves the log's head to the last of them (one round trip, not two).
 * `json` gives each row's data and metadata as JSON already made (the store's appends hash it),
 * row for row; without it they are stringified here.
 */
export async function insertEnvelopes(
  client: Pool | PoolClient,
  rows: readonly StoredEvent[],
  head?: { position: number; hash: string; recordedAt: string },
  json?: readonly EventJson[],
): Promise<void> {
  const insert = `INSERT INTO ledger_events (global_position, stream_id, stream_version, event_id, type, schema_version, data,
                                effective_date, recorded_at, metadata, hash)
     SELECT * FROM unnest($1::bigint[], $2::text[], $3::int[], $4::uuid[], $5::text[], $6::int[], $7::jsonb[],
                          $8::date[], $9::timestamptz[], $10::jsonb[], $11::text[])`;
  await client.query(
    head
      ? `WITH inserted AS (${insert} RETURNING 1)
         UPDATE ledger_head SET global_position = $12, hash = $13, recorded_at = $14`
      : insert,
    [
      rows.map((r) => r.globalPosition),
      rows.map((r) => r.streamId),
      rows.map((r) => r.streamVersion),
      rows.map((r) => r.eventId),
      rows.map((r) => r.type),
      rows.map((r) => r.schemaVersion),
      json ? json.map((j) => j.data) : rows.map((r) => JSON.stringify(r.data)),
      rows.map((r) => r.effectiveDate),
      rows.map((r) => r.recordedAt),
      json ? json.map((j) => j.metadata) : rows.map((r) => JSON.stringify(r.metadata)),
      rows.map((r) => r.hash),
      ...(head ? [head.position, head.hash, head.recordedAt] : []),
    ],
  );
}
