import { DeferDiscipline, deferDiscipline } from './defer-discipline';
import {
  CASE_ID,
  TODAY,
  aDecidedCase,
  anOpenCase,
  deferred,
  openedAgainstOrganization,
  spec,
} from './discipline-case.fixtures';
import { DisciplineCase } from './discipline-case.state';

const command: DeferDiscipline = { caseId: CASE_ID, reason: 'pregnancy', effectiveDate: '2025-02-01' };
const defer =
  (changes: Partial<DeferDiscipline> = {}) =>
  (state: DisciplineCase) =>
    deferDiscipline({ ...command, ...changes }, state, { today: TODAY });

describe('an open case against a member', () => {
  it('is deferred while the member is pregnant (DIS-7)', () =>
    spec
      .given(...anOpenCase())
      .when(defer())
      .then([
        {
          type: 'DisciplineDeferred',
          data: { caseId: CASE_ID, reason: 'pregnancy' },
          effectiveDate: '2025-02-01',
        },
      ]));

  it('is not deferred on a ground the rulebook does not list (DIS-7)', () =>
    spec
      .given(...anOpenCase())
      .when(defer({ reason: 'busy' as never }))
      .thenRefuses('DIS-7'));

  it('is not deferred twice at once', () =>
    spec
      .given(...anOpenCase(), deferred('2025-01-20'))
      .when(defer())
      .thenRefuses('CASE-STATE'));
});

describe('an open case against an organization', () => {
  it('is not deferred (DIS-7)', () =>
    spec.given(openedAgainstOrganization()).when(defer()).thenRefuses('DIS-7'));
});

describe('a decided case', () => {
  it('is not deferred', () =>
    spec
      .given(...aDecidedCase())
      .when(defer())
      .thenRefuses('CASE-STATE'));
});
