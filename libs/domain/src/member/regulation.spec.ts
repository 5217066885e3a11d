import { regulationOn } from './regulation';

describe('the regulation in force (RULEBOOK section 0)', () => {
  it('goes by the effective date', () => {
    expect(regulationOn('2015-01-01')).toBe('before-QĐ29');
    expect(regulationOn('2021-07-29')).toBe('QĐ29');
    expect(regulationOn('2021-07-30')).toBe('QĐ24');
    expect(regulationOn('2025-01-20')).toBe('QĐ232');
    expect(regulationOn('2025-06-30')).toBe('QĐ232');
    expect(regulationOn('2025-07-01')).toBe('QĐ294');
  });
});
