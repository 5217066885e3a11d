import { EntityNotFound } from '../shared/rule-violation';
import { SubjectFacts } from './discipline-case.facts';
import {
  CASE_ID,
  MEMBER_ID,
  ORGANIZATION_ID,
  TODAY,
  aMember,
  anOpenCase,
  anOrganization,
  spec,
} from './discipline-case.fixtures';
import { DisciplineCase, initialState } from './discipline-case.state';
import { OpenDisciplineCase, openCase } from './open-case';

const command: OpenDisciplineCase = {
  caseId: CASE_ID,
  subject: { kind: 'member', memberId: MEMBER_ID },
  openedBy: 'base-1',
  openedByKind: 'inspection_committee',
  allegation: 'Dues unpaid and false declarations',
  violationDate: '2024-11-01',
  effectiveDate: '2025-01-10',
};
const againstOrganization: Partial<OpenDisciplineCase> = {
  subject: { kind: 'organization', organizationId: ORGANIZATION_ID },
  openedBy: 'commune-1',
};
const open =
  (changes: Partial<OpenDisciplineCase> = {}, subject: SubjectFacts = aMember()) =>
  (state: DisciplineCase) =>
    openCase({ ...command, ...changes }, state, { today: TODAY, subject });

describe('no case yet', () => {
  it('opens a case against an official member', () =>
    spec
      .given()
      .when(open())
      .then([
        {
          type: 'DisciplineCaseOpened',
          data: {
            caseId: CASE_ID,
            subject: { kind: 'member', memberId: MEMBER_ID },
            openedBy: 'base-1',
            openedByKind: 'inspection_committee',
            allegation: 'Dues unpaid and false declarations',
            violationDate: '2024-11-01',
          },
          effectiveDate: '2025-01-10',
        },
      ]));

  it('opens a case against a probationer, keeping the flags for limitation', () =>
    spec
      .given()
      .when(
        open(
          { violationEndedOn: '2024-12-31', expulsionLevel: true, limitationExempt: 'illegal_diploma' },
          aMember({ standing: 'probationary' }),
        ),
      )
      .thenMatches([
        {
          data: { violationEndedOn: '2024-12-31', expulsionLevel: true, limitationExempt: 'illegal_diploma' },
        },
      ]));

  it('refuses a candidate, who is not yet a member', () =>
    spec
      .given()
      .when(open({}, aMember({ standing: 'candidate' })))
      .thenRefuses('CASE-SUBJECT'));

  it('refuses a former member', () =>
    spec
      .given()
      .when(open({}, aMember({ standing: 'expelled' })))
      .thenRefuses('CASE-SUBJECT'));

  it('refuses a member who does not exist', () =>
    expect(() => open({}, aMember({ standing: 'none' }))(initialState)).toThrow(EntityNotFound));

  it('refuses facts about another subject', () =>
    spec
      .given()
      .when(open({}, aMember({ memberId: 'm-2' })))
      .thenRefuses('CASE-SUBJECT'));

  it('refuses a dead member when the breach is not especially serious (REM-5)', () =>
    spec
      .given()
      .when(open({}, aMember({ standing: 'died' })))
      .thenRefuses('REM-5'));

  it('reaches the dead for an especially serious breach (DIS-10)', () =>
    spec
      .given()
      .when(open({ especiallySerious: true }, aMember({ standing: 'died' })))
      .thenMatches([{ data: { especiallySerious: true } }]));

  it('reaches an organization dissolved or merged since (DIS-10)', () => {
    spec
      .given()
      .when(open(againstOrganization, anOrganization({ status: 'dissolved' })))
      .thenMatches([{ data: { subject: { kind: 'organization', organizationId: ORGANIZATION_ID } } }]);
    spec
      .given()
      .when(open(againstOrganization, anOrganization({ status: 'merged' })))
      .thenMatches([{ type: 'DisciplineCaseOpened' }]);
  });

  it('refuses an organization that does not exist', () =>
    expect(() => open(againstOrganization, anOrganization({ status: 'none' }))(initialState)).toThrow(
      EntityNotFound,
    ));

  it('refuses the illegal-diploma exception for an organization (DIS-9)', () =>
    spec
      .given()
      .when(open({ ...againstOrganization, limitationExempt: 'illegal_diploma' }, anOrganization()))
      .thenRefuses('DIS-9'));

  it('refuses an exception to limitation the rulebook does not list (DIS-8)', () =>
    spec
      .given()
      .when(open({ limitationExempt: 'old_age' as never }))
      .thenRefuses('DIS-8'));

  it('refuses a body kind it does not know', () =>
    spec
      .given()
      .when(open({ openedByKind: 'trade_union' as never }))
      .thenRefuses('CASE-BODY'));

  it('refuses an opening after today, before the violation, or a breach ending before it began', () => {
    spec
      .given()
      .when(open({ effectiveDate: '2025-06-02' }))
      .thenRefuses('CASE-DATE');
    spec
      .given()
      .when(open({ violationDate: '2025-02-01' }))
      .thenRefuses('CASE-DATE');
    spec
      .given()
      .when(open({ violationEndedOn: '2024-10-01' }))
      .thenRefuses('CASE-DATE');
    spec
      .given()
      .when(open({ violationDate: '2024-02-30' }))
      .thenRefuses('CASE-DATE');
  });
});

describe('an open case', () => {
  it('is not opened twice', () =>
    spec
      .given(...anOpenCase())
      .when(open())
      .thenRefuses('CASE-EXISTS'));
});
