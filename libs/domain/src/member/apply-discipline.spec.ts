import { ApplyDiscipline, applyDiscipline } from './apply-discipline';
import { MemberDisciplined, MemberDisciplineForm } from './member.events';
import {
  aCandidate,
  anOfficialMember,
  aProbationaryMember,
  died,
  disciplined,
  exited,
  holdsPosition,
  spec,
  TODAY,
} from './member.fixtures';
import { evolve, Member } from './member.state';

const command: ApplyDiscipline = {
  memberId: 'm-1',
  caseId: 'case-1',
  form: 'reprimand',
  decisionRef: '7-QĐ/UBKT',
  decidedBy: 'inspection-1',
  effectiveDate: '2025-05-01',
};
const discipline =
  (changes: Partial<ApplyDiscipline> = {}) =>
  (state: Member) =>
    applyDiscipline({ ...command, ...changes }, state, { today: TODAY });
const disciplinedEvent = (form: MemberDisciplineForm): MemberDisciplined => ({
  type: 'MemberDisciplined',
  data: { memberId: 'm-1', caseId: 'case-1', form, decisionRef: '7-QĐ/UBKT', decidedBy: 'inspection-1' },
  effectiveDate: '2025-05-01',
});

describe('an official member', () => {
  it('is reprimanded (DIS-1)', () =>
    spec
      .given(...anOfficialMember())
      .when(discipline())
      .then([disciplinedEvent('reprimand')]));

  it('is expelled, which ends the membership (DIS-1)', () => {
    spec
      .given(...anOfficialMember())
      .when(discipline({ form: 'expulsion' }))
      .then([
        disciplinedEvent('expulsion'),
        {
          type: 'MemberExpelled',
          data: { memberId: 'm-1', caseId: 'case-1', decisionRef: '7-QĐ/UBKT' },
          effectiveDate: '2025-05-01',
        },
      ]);
    const state = spec.given(...anOfficialMember()).state;
    const after = applyDiscipline({ ...command, form: 'expulsion' }, state, { today: TODAY }).reduce(
      evolve,
      state,
    );
    expect(after).toMatchObject({ status: 'left', departure: { how: 'expelled', caseId: 'case-1' } });
  });

  it('is refused removal from post when holding none (DIS-1)', () =>
    spec
      .given(...anOfficialMember())
      .when(discipline({ form: 'dismissal' }))
      .thenRefuses('DIS-1'));

  it('is removed from the post held, which the profile then no longer shows (DIS-1)', () => {
    spec
      .given(...anOfficialMember(), holdsPosition())
      .when(discipline({ form: 'dismissal' }))
      .then([disciplinedEvent('dismissal')]);
    const state = spec.given(
      ...anOfficialMember(),
      holdsPosition(),
      disciplined('dismissal', '2025-05-01'),
    ).state;
    expect(state.status === 'official' && state.profile.position).toBeUndefined();
  });

  it('is refused a form that is not a discipline (DIS-1)', () =>
    spec
      .given(...anOfficialMember())
      .when(discipline({ form: 'fine' as MemberDisciplineForm }))
      .thenRefuses('DIS-1'));

  it('is refused the same case twice (MEMBER-STATE)', () =>
    spec
      .given(...anOfficialMember(), disciplined('warning', '2025-01-01'))
      .when(discipline())
      .thenRefuses('MEMBER-STATE'));

  it('is refused expulsion dated back to when on probation (PRB-6)', () =>
    spec
      .given(...anOfficialMember())
      .when(discipline({ form: 'expulsion', effectiveDate: '2023-12-01' }))
      .thenRefuses('PRB-6'));
});

describe('a probationary member', () => {
  it('is warned (PRB-6)', () =>
    spec
      .given(...aProbationaryMember())
      .when(discipline({ form: 'warning', effectiveDate: '2023-12-01' }))
      .thenMatches([{ data: { form: 'warning' } }]));

  it('is refused expulsion: an unfit probationer is removed instead (PRB-6)', () =>
    spec
      .given(...aProbationaryMember())
      .when(discipline({ form: 'expulsion', effectiveDate: '2023-12-01' }))
      .thenRefuses('PRB-6'));

  it('is refused removal from post (PRB-6)', () =>
    spec
      .given(...aProbationaryMember(), holdsPosition('team leader', '2023-04-01'))
      .when(discipline({ form: 'dismissal', effectiveDate: '2023-12-01' }))
      .thenRefuses('PRB-6'));
});

describe('a member who died', () => {
  it('is refused discipline for an ordinary breach (REM-5)', () =>
    spec
      .given(...anOfficialMember(), died('2025-02-01'))
      .when(discipline())
      .thenRefuses('REM-5'));

  it('is disciplined for an especially serious breach, with no second ending (REM-5)', () =>
    spec
      .given(...anOfficialMember(), died('2025-02-01'))
      .when(discipline({ form: 'expulsion', especiallySerious: true }))
      .then([disciplinedEvent('expulsion')]));
});

describe('someone who is not a member', () => {
  it('is refused as a candidate (MEMBER-STATE)', () =>
    spec
      .given(...aCandidate())
      .when(discipline())
      .thenRefuses('MEMBER-STATE'));

  it('is refused after leaving (MEMBER-STATE)', () =>
    spec
      .given(...anOfficialMember(), exited('2025-01-01'))
      .when(discipline())
      .thenRefuses('MEMBER-STATE'));
});
