import fc from 'fast-check';
import type { StoredEvent } from '@ledger/event-store/envelope';
import { Timeline } from './timeline';

const event = (globalPosition: number, effectiveDate: string): StoredEvent => ({
  globalPosition,
  streamId: 'member-m-1',
  streamVersion: globalPosition - 1,
  eventId: `e${globalPosition}`,
  type: 'Any',
  schemaVersion: 1,
  data: {},
  effectiveDate,
  recordedAt: '2025-01-01T00:00:00.000Z',
  metadata: {},
  hash: '',
});

/** The literal definition: fold, in global order, the events dated on or before the date. */
const literal = (events: StoredEvent[], date: string) =>
  events.filter((e) => e.effectiveDate <= date).map((e) => e.eventId);

describe('Timeline', () => {
  const day = fc.integer({ min: 1, max: 9 }).map((d) => `2024-01-0${d}`);

  it('gives on every date the fold of the events dated up to it, in global order, whatever the recording order', () =>
    fc.assert(
      fc.property(fc.array(day, { maxLength: 12 }), (dates) => {
        const events = dates.map((d, i) => event(i + 1, d));
        const timeline = new Timeline<string[], StoredEvent>(events, (s, e) => [...s, e.eventId], []);
        for (let d = 0; d <= 9; d++) {
          const date = `2024-01-0${d}`;
          expect(timeline.on(date)).toEqual(literal(events, date));
        }
        expect(timeline.final).toEqual(events.map((e) => e.eventId));
      }),
    ));
});
