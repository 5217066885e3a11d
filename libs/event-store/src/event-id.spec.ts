import { newEventId } from './event-id';

describe('newEventId', () => {
  it('gives version-7 UUIDs, which the API accepts wherever it takes an event id', () => {
    expect(newEventId()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('gives ids that sort in the order they were made (so new index entries sit side by side)', () => {
    const ids = Array.from({ length: 1000 }, () => newEventId());
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('starts with the time it was made, in milliseconds', () => {
    const before = Date.now();
    const id = newEventId();
    const millis = parseInt(id.replace(/-/g, '').slice(0, 12), 16);
    expect(millis).toBeGreaterThanOrEqual(before);
    expect(millis).toBeLessThanOrEqual(Date.now());
  });
});
