import { AmendDiscipline, amendDiscipline } from './amend-discipline';
import {
  amended,
  anOfficialMember,
  aProbationaryMember,
  disciplined,
  expelled,
  spec,
  TODAY,
} from './member.fixtures';
import { evolve, Member } from './member.state';

const command: AmendDiscipline = {
  memberId: 'm-1',
  caseId: 'case-1',
  form: 'reprimand',
  decisionRef: '3-QĐ/TU',
  decidedBy: 'province-1',
  effectiveDate: '2025-05-01',
};
const amend =
  (changes: Partial<AmendDiscipline> = {}) =>
  (state: Member) =>
    amendDiscipline({ ...command, ...changes }, state, { today: TODAY });

describe('a member under a warning', () => {
  const warned = [...anOfficialMember(), disciplined('warning', '2025-02-01')];

  it('has it lowered to a reprimand on appeal', () =>
    spec
      .given(...warned)
      .when(amend())
      .then([
        {
          type: 'DisciplineAmended',
          data: {
            memberId: 'm-1',
            caseId: 'case-1',
            form: 'reprimand',
            previousForm: 'warning',
            decisionRef: '3-QĐ/TU',
            decidedBy: 'province-1',
          },
          effectiveDate: '2025-05-01',
        },
      ]));

  it('has it raised to expulsion, which ends the membership (DIS-1)', () =>
    spec
      .given(...warned)
      .when(amend({ form: 'expulsion' }))
      .thenMatches([{ type: 'DisciplineAmended' }, { type: 'MemberExpelled' }]));

  it('is refused an amendment to removal from a post not held (DIS-1)', () =>
    spec
      .given(...warned)
      .when(amend({ form: 'dismissal' }))
      .thenRefuses('DIS-1'));

  it('appends nothing when the form does not change', () =>
    spec
      .given(...warned)
      .when(amend({ form: 'warning' }))
      .then([]));

  it('is refused an amendment dated before the decision (MEMBER-DATE)', () =>
    spec
      .given(...warned)
      .when(amend({ effectiveDate: '2025-01-31' }))
      .thenRefuses('MEMBER-DATE'));

  it('is refused the amendment of a case never applied (MEMBER-STATE)', () =>
    spec
      .given(...warned)
      .when(amend({ caseId: 'case-2' }))
      .thenRefuses('MEMBER-STATE'));
});

describe('a member warned while on probation', () => {
  it('is refused an amendment to expulsion (PRB-6)', () =>
    spec
      .given(...aProbationaryMember(), disciplined('warning', '2023-12-01'))
      .when(amend({ form: 'expulsion' }))
      .thenRefuses('PRB-6'));
});

describe('a member expelled wrongly', () => {
  const wronglyExpelled = [...anOfficialMember(), ...expelled('2025-01-01')];

  it('is a member again, official as before, when the expulsion is annulled (DIS-15)', () => {
    const state = spec.given(...wronglyExpelled).state;
    const after = amendDiscipline({ ...command, form: null }, state, { today: TODAY }).reduce(evolve, state);
    expect(after).toMatchObject({ status: 'official', officialSince: '2024-03-15', cellId: 'cell-1' });
    expect(after).not.toHaveProperty('departure');
  });

  it('stays a member under a warning when the expulsion is lowered (DIS-15)', () =>
    expect(spec.given(...wronglyExpelled, amended('warning', '2025-04-01', 'expulsion')).state).toMatchObject(
      {
        status: 'official',
        disciplines: [{ caseId: 'case-1', form: 'warning', inForceFrom: '2025-04-01' }],
      },
    ));
});
