import { createHash } from 'node:crypto';
import { StoredEvent } from './envelope';

export const GENESIS_HASH = '0'.repeat(64);

/**
 * JSON with object keys sorted at every level. PostgreSQL's jsonb reorders keys, so hashing
 * `JSON.stringify` output would not survive a round trip through the database.
 */
export const canonicalJson = (value: unknown): string => {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  // Plain loops and concatenation: every appended event is hashed, so this is on the import's hot path.
  let out: string;
  if (Array.isArray(value)) {
    out = '[';
    for (let i = 0; i < value.length; i++) out += (i > 0 ? ',' : '') + canonicalJson(value[i]);
    return `${out}]`;
  }
  const record = value as Record<string, unknown>;
  // sort() compares UTF-16 code units, as `<` does: the same order as ever, so old hashes hold.
  const keys = Object.keys(record).sort();
  out = '{';
  for (const k of keys) {
    const v = record[k];
    if (v === undefined) continue;
    out += `${out.length > 1 ? ',' : ''}${JSON.stringify(k)}:${canonicalJson(v)}`;
  }
  return `${out}}`;
};

export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** The hash of an envelope chained to its predecessor's: any change, insertion, removal or swap breaks the chain. */
export const hashEvent = (event: Omit<StoredEvent, 'hash'>, previousHash: string): string =>
  sha256(
    `${previousHash}\n${canonicalJson({
      globalPosition: event.globalPosition,
      streamId: event.streamId,
      streamVersion: event.streamVersion,
      eventId: event.eventId,
      type: event.type,
      schemaVersion: event.schemaVersion,
      data: event.data,
      effectiveDate: event.effectiveDate,
      recordedAt: event.recordedAt,
      metadata: event.metadata,
    })}`,
  );
