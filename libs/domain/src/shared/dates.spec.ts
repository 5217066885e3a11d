import { addMonths, addWorkingDays, fullMonthsBetween, isIsoDate } from './dates';

describe('dates', () => {
  it('refuses dates that are not on the calendar', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2024-02-30')).toBe(false);
    expect(isIsoDate('2024-13-01')).toBe(false);
    expect(isIsoDate('24-01-01')).toBe(false);
  });
  it('adds calendar months, ending on the last day of a shorter month', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2023-03-15', 12)).toBe('2024-03-15');
    expect(addMonths('2024-03-15', -3)).toBe('2023-12-15');
  });
  it('counts full months, a day short is a month short', () => {
    expect(fullMonthsBetween('2006-05-10', '2024-05-10')).toBe(216);
    expect(fullMonthsBetween('2006-05-10', '2024-05-09')).toBe(215);
    expect(fullMonthsBetween('2024-01-31', '2024-02-29')).toBe(1);
  });
  it('skips weekends and holidays when adding working days', () => {
    // 2025-04-25 is a Friday; 30/4 and 1/5 are holidays.
    expect(addWorkingDays('2025-04-25', 1)).toBe('2025-04-28');
    expect(addWorkingDays('2025-04-28', 2, new Set(['2025-04-30', '2025-05-01']))).toBe('2025-05-02');
  });
});
