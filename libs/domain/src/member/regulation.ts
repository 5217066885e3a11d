/**
 * The regulation implementing the Charter on a date (RULEBOOK section 0): rule versions go by the
 * effective date, and DES-5 asks each decision to record the version it was taken under. A rule whose
 * content changes between versions branches on this; none of the member rules enforced here does so
 * as far as the rulebook records them (ADM, PRB, REM-6/7 read the same under QĐ24, QĐ232 and QĐ294).
 */
export type Regulation = 'before-QĐ29' | 'QĐ29' | 'QĐ24' | 'QĐ232' | 'QĐ294';

const IN_FORCE_FROM: readonly [string, Regulation][] = [
  ['2025-07-01', 'QĐ294'],
  ['2025-01-20', 'QĐ232'],
  ['2021-07-30', 'QĐ24'],
  ['2016-07-25', 'QĐ29'],
];

export const regulationOn = (date: string): Regulation =>
  IN_FORCE_FROM.find(([from]) => date >= from)?.[1] ?? 'before-QĐ29';
