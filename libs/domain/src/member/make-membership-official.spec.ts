import { MakeMembershipOfficial, makeMembershipOfficial } from './make-membership-official';
import {
  aCandidate,
  anOfficialMember,
  aProbationaryMember,
  aVeteran,
  died,
  spec,
  TODAY,
} from './member.fixtures';
import { Member } from './member.state';

const command: MakeMembershipOfficial = { memberId: 'm-1', decisionRef: '12-QĐ/ĐU', decidedOn: '2024-03-20' };
const recognise =
  (changes: Partial<MakeMembershipOfficial> = {}, officialMembersInCell = 5) =>
  (state: Member) =>
    makeMembershipOfficial({ ...command, ...changes }, state, { today: TODAY, officialMembersInCell });

describe('a probationary member', () => {
  it('is made official from the end of 12 months after the ceremony (PRB-1)', () =>
    spec
      .given(...aProbationaryMember())
      .when(recognise())
      .then([
        {
          type: 'MembershipMadeOfficial',
          data: { memberId: 'm-1', decisionRef: '12-QĐ/ĐU', decidedOn: '2024-03-20', regulation: 'QĐ24' },
          effectiveDate: '2024-03-15',
        },
      ]));

  it('is refused official status before 12 months (PRB-1)', () =>
    spec
      .given(...aProbationaryMember())
      .when(recognise({ decidedOn: '2024-03-14' }))
      .thenRefuses('PRB-1'));

  it('is official from the end of probation though the committee decided months later (PRB-4)', () =>
    spec
      .given(...aProbationaryMember())
      .when(recognise({ decidedOn: '2025-01-10' }))
      .thenMatches([{ data: { decidedOn: '2025-01-10', regulation: 'QĐ24' }, effectiveDate: '2024-03-15' }]));

  it('is refused recognition while the cell has fewer than 3 official members (PRB-7)', () =>
    spec
      .given(...aProbationaryMember())
      .when(recognise({}, 2))
      .thenRefuses('PRB-7'));

  it('is made official by a cell of exactly 3 official members (PRB-7)', () =>
    spec
      .given(...aProbationaryMember())
      .when(recognise({}, 3))
      .thenMatches([{ type: 'MembershipMadeOfficial' }]));

  it('is refused a decision dated after today (MEMBER-DATE)', () =>
    spec
      .given(...aProbationaryMember())
      .when(recognise({ decidedOn: '2025-06-02' }))
      .thenRefuses('MEMBER-DATE'));
});

describe('a member who is not on probation', () => {
  it('is refused when already official (MEMBER-STATE)', () =>
    spec
      .given(...anOfficialMember())
      .when(recognise())
      .thenRefuses('MEMBER-STATE'));

  it('is refused while still a candidate (MEMBER-STATE)', () =>
    spec
      .given(...aCandidate())
      .when(recognise())
      .thenRefuses('MEMBER-STATE'));

  it('is refused after dying on probation (MEMBER-STATE)', () =>
    spec
      .given(...aProbationaryMember(), died('2023-10-01'))
      .when(recognise())
      .thenRefuses('MEMBER-STATE'));

  it('is refused when registered from records as already official (MEMBER-STATE)', () =>
    spec
      .given(...aVeteran())
      .when(recognise())
      .thenRefuses('MEMBER-STATE'));
});
