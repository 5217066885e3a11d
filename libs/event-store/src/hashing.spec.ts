import fc from 'fast-check';
import { canonicalJson, envelopeJson, hashEvent, sha256 } from './hashing';

/** The envelope's hash as DESIGN.md defines it: canonical JSON of every field but the hash. */
const definition = (e: Parameters<typeof hashEvent>[0], previous: string) =>
  sha256(
    `${previous}\n${canonicalJson({
      globalPosition: e.globalPosition,
      streamId: e.streamId,
      streamVersion: e.streamVersion,
      eventId: e.eventId,
      type: e.type,
      schemaVersion: e.schemaVersion,
      data: e.data,
      effectiveDate: e.effectiveDate,
      recordedAt: e.recordedAt,
      metadata: e.metadata,
    })}`,
  );

const envelope = fc.record({
  globalPosition: fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
  streamId: fc.string({ unit: 'grapheme' }),
  streamVersion: fc.nat(),
  eventId: fc.uuid(),
  type: fc.string({ unit: 'grapheme' }),
  schemaVersion: fc.integer({ min: 1, max: 1000 }),
  data: fc.dictionary(fc.string({ unit: 'grapheme' }), fc.jsonValue()),
  effectiveDate: fc.string(),
  recordedAt: fc.string(),
  metadata: fc.dictionary(fc.string(), fc.jsonValue()),
});

describe('envelopeJson (the hash input written out field by field)', () => {
  it('is canonicalJson of the envelope, so the hash is the one DESIGN.md defines', () => {
    fc.assert(
      fc.property(
        envelope,
        fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 64, maxLength: 64 }),
        (e, previous) => {
          const { data, metadata, ...fields } = e;
          expect(envelopeJson(fields, canonicalJson(data), canonicalJson(metadata))).toBe(
            canonicalJson({ ...fields, data, metadata }),
          );
          expect(hashEvent(e, previous)).toBe(definition(e, previous));
        },
      ),
      { numRuns: 500 },
    );
  });
});
