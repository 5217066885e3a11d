import { CASE_ID, TODAY, anOpenCase, deferred, spec } from './discipline-case.fixtures';
import { DisciplineCase } from './discipline-case.state';
import { EndDeferral, endDeferral } from './end-deferral';

const command: EndDeferral = { caseId: CASE_ID, effectiveDate: '2025-04-01' };
const end =
  (changes: Partial<EndDeferral> = {}) =>
  (state: DisciplineCase) =>
    endDeferral({ ...command, ...changes }, state, { today: TODAY });

describe('a deferred case', () => {
  it('resumes when the ground has gone (DIS-7)', () =>
    spec
      .given(...anOpenCase(), deferred('2025-02-01'))
      .when(end())
      .then([{ type: 'DeferralEnded', data: { caseId: CASE_ID }, effectiveDate: '2025-04-01' }]));

  it('does not resume before it was deferred', () =>
    spec
      .given(...anOpenCase(), deferred('2025-02-01'))
      .when(end({ effectiveDate: '2025-01-31' }))
      .thenRefuses('CASE-DATE'));
});

describe('a case not deferred', () => {
  it('has no deferral to end', () =>
    spec
      .given(...anOpenCase())
      .when(end())
      .thenRefuses('CASE-STATE'));
});
