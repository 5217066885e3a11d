import { SubjectFacts } from './discipline-case.facts';
import { CASE_ID, TODAY, aDecidedCase, aMember, anAppealedCase, spec } from './discipline-case.fixtures';
import { DisciplineCase } from './discipline-case.state';
import { ResolveAppeal, resolveAppeal } from './resolve-appeal';

const command: ResolveAppeal = {
  caseId: CASE_ID,
  outcome: 'upheld',
  resolvedBy: 'commune-1',
  resolvedByKind: 'standing_committee',
  decisionRef: '3-QĐ/ĐU',
  effectiveDate: '2025-04-15',
};
const resolve =
  (changes: Partial<ResolveAppeal> = {}, subject: SubjectFacts = aMember()) =>
  (state: DisciplineCase) =>
    resolveAppeal({ ...command, ...changes }, state, { today: TODAY, subject });

describe('an appeal against a warning', () => {
  const given = () => spec.given(...anAppealedCase('warning'));

  it('is upheld: the warning stands', () =>
    given()
      .when(resolve())
      .then([
        {
          type: 'AppealResolved',
          data: {
            caseId: CASE_ID,
            outcome: 'upheld',
            form: 'warning',
            previousForm: 'warning',
            resolvedBy: 'commune-1',
            resolvedByKind: 'standing_committee',
            decisionRef: '3-QĐ/ĐU',
            announcedOn: '2025-04-15',
          },
          effectiveDate: '2025-04-15',
        },
      ]));

  it('is reduced to a reprimand, not to a heavier form', () => {
    given()
      .when(resolve({ outcome: 'reduced', newForm: 'reprimand' }))
      .thenMatches([{ data: { outcome: 'reduced', form: 'reprimand', previousForm: 'warning' } }]);
    given()
      .when(resolve({ outcome: 'reduced', newForm: 'expulsion' }))
      .thenRefuses('CASE-RULING');
    given()
      .when(resolve({ outcome: 'reduced' }))
      .thenRefuses('CASE-RULING');
  });

  it('is increased to expulsion, not to a lighter form', () => {
    given()
      .when(resolve({ outcome: 'increased', newForm: 'expulsion' }))
      .thenMatches([{ data: { form: 'expulsion' } }]);
    given()
      .when(resolve({ outcome: 'increased', newForm: 'reprimand' }))
      .thenRefuses('CASE-RULING');
  });

  it('is annulled: no form stands (DIS-15)', () => {
    given()
      .when(resolve({ outcome: 'annulled' }))
      .thenMatches([{ data: { outcome: 'annulled', form: null } }]);
    given()
      .when(resolve({ outcome: 'annulled', newForm: 'reprimand' }))
      .thenRefuses('CASE-RULING');
  });

  it('is not upheld with another form', () =>
    given()
      .when(resolve({ newForm: 'reprimand' }))
      .thenRefuses('CASE-RULING'));

  it('cannot raise a probationer above a warning (PRB-6), nor remove from a post not held (DIS-1)', () => {
    given()
      .when(resolve({ outcome: 'increased', newForm: 'expulsion' }, aMember({ standing: 'probationary' })))
      .thenRefuses('PRB-6');
    given()
      .when(resolve({ outcome: 'increased', newForm: 'dismissal' }))
      .thenRefuses('DIS-1');
  });

  it('is ruled on by a superior body, not by the one that decided nor a cell (APP-1)', () => {
    given()
      .when(resolve({ resolvedBy: 'base-1', resolvedByKind: 'inspection_committee' }))
      .thenRefuses('APP-1');
    given()
      .when(resolve({ resolvedBy: 'cell-1', resolvedByKind: 'cell' }))
      .thenRefuses('APP-1');
    // APP-3: against an inspection committee, first the committee of the same level.
    given()
      .when(resolve({ resolvedBy: 'base-1', resolvedByKind: 'base_committee' }))
      .thenMatches([{ data: { resolvedBy: 'base-1' } }]);
  });

  it('is not ruled on before it was lodged', () =>
    given()
      .when(resolve({ effectiveDate: '2025-03-09' }))
      .thenRefuses('CASE-DATE'));
});

describe('a decided case with no appeal', () => {
  it('has no appeal to rule on', () =>
    spec
      .given(...aDecidedCase())
      .when(resolve())
      .thenRefuses('CASE-STATE'));
});
