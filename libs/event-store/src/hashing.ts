import { createHash } from 'node:crypto';
import { StoredEvent } from './envelope';

export const GENESIS_HASH = '0'.repeat(64);

/**
 * JSON with object keys sorted at every level. PostgreSQL's jsonb reorders keys, so hashing
 * `JSON.stringify` output would not survive a round trip through the database.
 */
export const canonicalJson = (value: unknown): string => {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
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
