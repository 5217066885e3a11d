import { CASE_ID, TODAY, aDecidedCase, anOpenCase, spec } from './discipline-case.fixtures';
import { DisciplineCase } from './discipline-case.state';
import { RecordFindings, recordFindings } from './record-findings';

const command: RecordFindings = {
  caseId: CASE_ID,
  findings: 'Dues unpaid for 5 months; declarations false',
  recordedBy: 'base-1',
  effectiveDate: '2025-02-01',
};
const record =
  (changes: Partial<RecordFindings> = {}) =>
  (state: DisciplineCase) =>
    recordFindings({ ...command, ...changes }, state, { today: TODAY });

describe('an open case', () => {
  it('records findings', () =>
    spec
      .given(...anOpenCase())
      .when(record())
      .then([
        {
          type: 'FindingsRecorded',
          data: { caseId: CASE_ID, findings: command.findings, recordedBy: 'base-1' },
          effectiveDate: '2025-02-01',
        },
      ]));

  it('records findings of expulsion level, for which no limitation runs (DIS-8)', () => {
    const { state } = spec.given(...anOpenCase());
    const after = record({ expulsionLevel: true })(state);
    expect(after[0].data.expulsionLevel).toBe(true);
  });

  it('refuses findings dated before the opening or after today', () => {
    spec
      .given(...anOpenCase())
      .when(record({ effectiveDate: '2025-01-01' }))
      .thenRefuses('CASE-DATE');
    spec
      .given(...anOpenCase())
      .when(record({ effectiveDate: '2025-07-01' }))
      .thenRefuses('CASE-DATE');
  });
});

describe('a decided case', () => {
  it('takes no more findings', () =>
    spec
      .given(...aDecidedCase())
      .when(record())
      .thenRefuses('CASE-STATE'));
});
