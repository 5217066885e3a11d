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

/** An envelope's hashed fields, with its data and metadata given already as canonical JSON. */
export type HashedFields = Omit<StoredEvent, 'hash' | 'data' | 'metadata'>;

/**
 * `canonicalJson` of an envelope's hashed fields, written out in its key order with the data and
 * metadata already in canonical JSON: appends make those before they take the lock (and reuse
 * them for the INSERT), so only this concatenation is left for the lock's time.
 */
export const envelopeJson = (e: HashedFields, dataJson: string, metadataJson: string): string =>
  `{"data":${dataJson},"effectiveDate":${JSON.stringify(e.effectiveDate)},"eventId":${JSON.stringify(e.eventId)},` +
  `"globalPosition":${JSON.stringify(e.globalPosition)},"metadata":${metadataJson},` +
  `"recordedAt":${JSON.stringify(e.recordedAt)},"schemaVersion":${JSON.stringify(e.schemaVersion)},` +
  `"streamId":${JSON.stringify(e.streamId)},"streamVersion":${JSON.stringify(e.streamVersion)},` +
  `"type":${JSON.stringify(e.type)}}`;

/** The hash of an envelope chained to its predecessor's, from its data and metadata as canonical JSON. */
export const chainHash = (previousHash: string, e: HashedFields, dataJson: string, metadataJson: string) =>
  sha256(`${previousHash}\n${envelopeJson(e, dataJson, metadataJson)}`);

/** The hash of an envelope chained to its predecessor's: any change, insertion, removal or swap breaks the chain. */
export const hashEvent = (event: Omit<StoredEvent, 'hash'>, previousHash: string): string =>
  chainHash(previousHash, event, canonicalJson(event.data), canonicalJson(event.metadata));
