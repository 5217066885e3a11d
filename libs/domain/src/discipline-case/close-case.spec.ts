import { CloseDisciplineCase, closeCase } from './close-case';
import {
  CASE_ID,
  TODAY,
  aDecidedCase,
  anAppealedCase,
  anOpenCase,
  deferralEnded,
  deferred,
  opened,
  openedAgainstOrganization,
  resolved,
  spec,
} from './discipline-case.fixtures';
import { DisciplineCase } from './discipline-case.state';

const command: CloseDisciplineCase = { caseId: CASE_ID, reason: 'no_violation', effectiveDate: '2025-04-01' };
const close =
  (changes: Partial<CloseDisciplineCase> = {}) =>
  (state: DisciplineCase) =>
    closeCase({ ...command, ...changes }, state, { today: TODAY });

describe('an open case', () => {
  it('is closed when no violation was found', () =>
    spec
      .given(...anOpenCase())
      .when(close())
      .then([
        {
          type: 'DisciplineCaseClosed',
          data: { caseId: CASE_ID, reason: 'no_violation' },
          effectiveDate: '2025-04-01',
        },
      ]));

  it('is dropped', () =>
    spec
      .given(...anOpenCase())
      .when(close({ reason: 'dropped' }))
      .thenMatches([{ data: { reason: 'dropped' } }]));

  it('is not closed as decided', () =>
    spec
      .given(...anOpenCase())
      .when(close({ reason: 'decided' }))
      .thenRefuses('CASE-STATE'));

  it('is refused a reason it does not know, or a form with a reason other than time_barred', () => {
    spec
      .given(...anOpenCase())
      .when(close({ reason: 'forgiven' as never }))
      .thenRefuses('CASE-CLOSE');
    spec
      .given(...anOpenCase())
      .when(close({ form: 'reprimand' }))
      .thenRefuses('CASE-CLOSE');
  });
});

describe('an open case about a breach of 2018-05-01, closed on 2024-02-01', () => {
  const old = opened({ violationDate: '2018-05-01' }, '2024-01-10');
  const barred = (changes: Partial<CloseDisciplineCase> = {}) =>
    close({ reason: 'time_barred', form: 'reprimand', effectiveDate: '2024-02-01', ...changes });

  it('is closed time-barred when the form voted is a reprimand (DIS-8)', () =>
    spec
      .given(old)
      .when(barred())
      .then([
        {
          type: 'DisciplineCaseClosed',
          data: { caseId: CASE_ID, reason: 'time_barred', form: 'reprimand' },
          effectiveDate: '2024-02-01',
        },
      ]));

  it('is not closed time-barred for a warning, nor for an expulsion (DIS-8)', () => {
    spec
      .given(old)
      .when(barred({ form: 'warning' }))
      .thenRefuses('DIS-8');
    spec
      .given(old)
      .when(barred({ form: 'expulsion' }))
      .thenRefuses('DIS-8');
  });

  it('is not closed time-barred at expulsion level (DIS-8)', () =>
    spec
      .given(opened({ violationDate: '2018-05-01', expulsionLevel: true }, '2024-01-10'))
      .when(barred())
      .thenRefuses('DIS-8'));

  it('is not closed time-barred without the form voted', () =>
    spec
      .given(old)
      .when(barred({ form: undefined }))
      .thenRefuses('CASE-CLOSE'));

  it('is not closed time-barred while deferral time still holds the period open (DIS-7)', () =>
    spec
      .given(
        opened({ violationDate: '2019-01-10' }, '2023-12-01'),
        deferred('2023-12-10'),
        deferralEnded('2024-01-20'),
      )
      .when(barred({ effectiveDate: '2024-02-20' }))
      .thenRefuses('DIS-8'));
});

describe('an open case against an organization about a breach of 2018', () => {
  it('is closed time-barred for a reprimand, not for a warning (DIS-9)', () => {
    const old = openedAgainstOrganization({ violationDate: '2018-05-01' }, '2024-01-10');
    spec
      .given(old)
      .when(close({ reason: 'time_barred', form: 'reprimand', effectiveDate: '2024-02-01' }))
      .thenMatches([{ data: { reason: 'time_barred' } }]);
    spec
      .given(old)
      .when(close({ reason: 'time_barred', form: 'warning', effectiveDate: '2024-02-01' }))
      .thenRefuses('DIS-9');
  });
});

describe('a decided case', () => {
  it('is closed as decided', () =>
    spec
      .given(...aDecidedCase())
      .when(close({ reason: 'decided' }))
      .thenMatches([{ data: { reason: 'decided' } }]));
  it('is not closed as having no violation', () =>
    spec
      .given(...aDecidedCase())
      .when(close())
      .thenRefuses('CASE-STATE'));
  it('is closed after the appeal ruling, not before it', () => {
    const ruled = [...anAppealedCase(), resolved('reduced', 'reprimand', 'warning', '2025-04-15')];
    spec
      .given(...ruled)
      .when(close({ reason: 'decided', effectiveDate: '2025-04-10' }))
      .thenRefuses('CASE-DATE');
    spec
      .given(...ruled)
      .when(close({ reason: 'decided', effectiveDate: '2025-04-20' }))
      .thenMatches([{ type: 'DisciplineCaseClosed' }]);
  });
});

describe('an appealed case', () => {
  it('is not closed while the appeal is pending', () =>
    spec
      .given(...anAppealedCase())
      .when(close({ reason: 'decided' }))
      .thenRefuses('CASE-STATE'));
});
