import {
  CASE_ID,
  TODAY,
  anOpenCase,
  deferred,
  openedAgainstOrganization,
  spec,
} from './discipline-case.fixtures';
import { DisciplineCase } from './discipline-case.state';
import { ProposeDiscipline, proposeDiscipline } from './propose-discipline';

const command: ProposeDiscipline = {
  caseId: CASE_ID,
  form: 'expulsion',
  proposedBy: 'cell-1',
  effectiveDate: '2025-02-01',
};
const propose =
  (changes: Partial<ProposeDiscipline> = {}) =>
  (state: DisciplineCase) =>
    proposeDiscipline({ ...command, ...changes }, state, { today: TODAY });

describe('an open case against a member', () => {
  it('takes a proposal of expulsion carried by 2/3 of the cell (DIS-5)', () =>
    spec
      .given(...anOpenCase())
      .when(propose({ votesFor: 6, membersEntitled: 9 }))
      .then([
        {
          type: 'DisciplineProposed',
          data: { caseId: CASE_ID, form: 'expulsion', proposedBy: 'cell-1', votesFor: 6, membersEntitled: 9 },
          effectiveDate: '2025-02-01',
        },
      ]));

  it('refuses a proposal of expulsion short of 2/3 (DIS-5)', () =>
    spec
      .given(...anOpenCase())
      .when(propose({ votesFor: 5, membersEntitled: 9 }))
      .thenRefuses('DIS-5'));

  it('takes a warning proposed by more than half, refuses one by exactly half (DIS-5)', () => {
    spec
      .given(...anOpenCase())
      .when(propose({ form: 'warning', votesFor: 5, membersEntitled: 9 }))
      .thenMatches([{ data: { form: 'warning' } }]);
    spec
      .given(...anOpenCase())
      .when(propose({ form: 'warning', votesFor: 4, membersEntitled: 8 }))
      .thenRefuses('DIS-5');
  });

  it('refuses vote counts that are not counts', () => {
    spec
      .given(...anOpenCase())
      .when(propose({ votesFor: 10, membersEntitled: 9 }))
      .thenRefuses('CASE-VOTES');
    spec
      .given(...anOpenCase())
      .when(propose({ votesFor: 6 }))
      .thenRefuses('CASE-VOTES');
  });

  it('refuses dissolution, which is for organizations (DIS-1)', () =>
    spec
      .given(...anOpenCase())
      .when(propose({ form: 'dissolution' }))
      .thenRefuses('DIS-1'));

  it('takes no proposal while deferred (DIS-7)', () =>
    spec
      .given(...anOpenCase(), deferred('2025-01-20'))
      .when(propose())
      .thenRefuses('DIS-7'));
});

describe('an open case against an organization', () => {
  it('refuses expulsion, which is for members (DIS-1)', () =>
    spec.given(openedAgainstOrganization()).when(propose()).thenRefuses('DIS-1'));
  it('takes a proposal of dissolution', () =>
    spec
      .given(openedAgainstOrganization())
      .when(propose({ form: 'dissolution' }))
      .thenMatches([{ data: { form: 'dissolution' } }]));
});
