import { SystemClock } from './clock';

describe('SystemClock', () => {
  afterEach(() => jest.useRealTimers());

  it("gives Vietnam's date, and the new one from its midnight on though it keeps the last answer", () => {
    jest.useFakeTimers({ now: new Date('2026-12-05T16:59:30.500Z') }); // 23:59:30 in Hà Nội
    const clock = new SystemClock();
    expect(clock.today()).toBe('2026-12-05');
    jest.setSystemTime(new Date('2026-12-05T16:59:59.999Z'));
    expect(clock.today()).toBe('2026-12-05');
    jest.setSystemTime(new Date('2026-12-05T17:00:00.000Z')); // midnight, 6 December
    expect(clock.today()).toBe('2026-12-06');
    jest.setSystemTime(new Date('2026-12-05T16:59:59.000Z')); // the clock set back a second
    expect(clock.today()).toBe('2026-12-05');
  });
});
