/**
 * Calendar dates as ISO strings (YYYY-MM-DD). The domain never reads the clock: "today" comes
 * in as an argument. Months are calendar months; a month added to 31 January ends on the last
 * day of February (what people mean by "one month later").
 */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export const isIsoDate = (value: string): boolean => {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
};

export const daysInMonth = (year: number, month: number): number =>
  new Date(Date.UTC(year, month, 0)).getUTCDate();

const parts = (date: string): [number, number, number] => {
  const m = ISO_DATE.exec(date);
  if (!m) throw new Error(`Not an ISO date: ${date}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
};

const format = (y: number, m: number, d: number): string =>
  `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

export const addMonths = (date: string, months: number): string => {
  const [y, m, d] = parts(date);
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  return format(ny, nm, Math.min(d, daysInMonth(ny, nm)));
};

export const addYears = (date: string, years: number): string => addMonths(date, years * 12);

export const addDays = (date: string, days: number): string => {
  const [y, m, d] = parts(date);
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return format(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
};

/** Whole calendar months from `from` to `to` (negative when `to` is earlier). */
export const fullMonthsBetween = (from: string, to: string): number => {
  const [y1, m1, d1] = parts(from);
  const [y2, m2, d2] = parts(to);
  let months = (y2 - y1) * 12 + (m2 - m1);
  if (months > 0 && d2 < d1 && addMonths(from, months) > to) months -= 1;
  if (months < 0 && d2 > d1 && addMonths(from, months) < to) months += 1;
  return months;
};

export const fullYearsBetween = (from: string, to: string): number =>
  Math.trunc(fullMonthsBetween(from, to) / 12);

export const yearOf = (date: string): number => parts(date)[0];

export const minDate = (a: string, b: string): string => (a <= b ? a : b);
export const maxDate = (a: string, b: string): string => (a >= b ? a : b);

/**
 * Working days (ngày làm việc, DES-2): Monday to Friday, less the given public holidays.
 * `addWorkingDays(d, n)` is the n-th working day after d.
 */
export const addWorkingDays = (
  date: string,
  days: number,
  holidays: ReadonlySet<string> = new Set(),
): string => {
  let current = date;
  let left = days;
  while (left > 0) {
    current = addDays(current, 1);
    const [y, m, d] = parts(current);
    const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
    if (weekday !== 0 && weekday !== 6 && !holidays.has(current)) left -= 1;
  }
  return current;
};
