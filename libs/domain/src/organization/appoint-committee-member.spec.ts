import { EntityNotFound } from '../shared/rule-violation';
import { decider } from '../testing/given-when-then';
import { AppointCommitteeMember, appointCommitteeMember } from './appoint-committee-member';
import { CommitteeMemberAppointed, CommitteeRole, OrganizationKind } from './organization.events';
import { dissolved, established } from './organization.fixtures';
import { Organization, evolve, initialState } from './organization.state';

const spec = decider(evolve, initialState);
const cell = established('c', 'cell', 'b');
const appoint = (role: CommitteeRole, memberId = 'm1'): AppointCommitteeMember => ({
  organizationId: 'c',
  memberId,
  role,
  effectiveDate: '2025-02-01',
  decisionRef: '3-QĐ/ĐU',
});
const when =
  (cmd: AppointCommitteeMember, officialMemberCount = 5, appointeeIsOfficialMember = true) =>
  (state: Organization) =>
    appointCommitteeMember(cmd, state, { appointeeIsOfficialMember, officialMemberCount });
const secretaryAppointed: CommitteeMemberAppointed = {
  type: 'CommitteeMemberAppointed',
  data: { organizationId: 'c', memberId: 'm1', role: 'secretary', decisionRef: '3-QĐ/ĐU' },
  effectiveDate: '2025-02-01',
};

describe('an active cell of 5 official members', () => {
  it('appoints an official member as its secretary (PRB-2)', () =>
    spec
      .given(cell)
      .when(when(appoint('secretary')))
      .then([secretaryAppointed]));

  it('appoints a deputy secretary (ORG-4)', () =>
    spec
      .given(cell)
      .when(when(appoint('deputy_secretary')))
      .thenMatches([{ data: { role: 'deputy_secretary' } }]));

  it('is refused a probationary or outside member as secretary (PRB-2)', () =>
    spec
      .given(cell)
      .when(when(appoint('secretary'), 5, false))
      .thenRefuses('PRB-2'));

  it('is refused a cell committee member, having fewer than 9 official members (ORG-4)', () =>
    spec
      .given(cell)
      .when(when(appoint('committee_member')))
      .thenRefuses('ORG-4'));

  it('is refused a standing committee member (ORG-4)', () =>
    spec
      .given(cell)
      .when(when(appoint('standing_committee_member'), 30))
      .thenRefuses('ORG-4'));

  it('is refused an inspection committee member (ORG-9)', () =>
    spec
      .given(cell)
      .when(when(appoint('inspection_committee_member')))
      .thenRefuses('ORG-9'));

  it('is refused a role that does not exist (ORG-ROLE)', () =>
    spec
      .given(cell)
      .when(when(appoint('treasurer' as CommitteeRole)))
      .thenRefuses('ORG-ROLE'));
});

describe('an active cell of 9 official members', () => {
  it('appoints a cell committee member (ORG-4)', () =>
    spec
      .given(cell)
      .when(when(appoint('committee_member'), 9))
      .thenMatches([{ data: { role: 'committee_member' } }]));
});

describe('an active cell whose secretary is m1', () => {
  it('is refused m1 as secretary again (ORG-UNCHANGED)', () =>
    spec
      .given(cell, secretaryAppointed)
      .when(when(appoint('secretary')))
      .thenRefuses('ORG-UNCHANGED'));

  it('appoints m2 as the new secretary (ORG-UNCHANGED)', () =>
    spec
      .given(cell, secretaryAppointed)
      .when(when(appoint('secretary', 'm2')))
      .thenMatches([{ data: { memberId: 'm2' } }]));
});

describe.each<OrganizationKind>(['base_committee', 'district_committee', 'provincial_committee'])(
  'an active %s',
  (kind) => {
    it('appoints an inspection committee member (ORG-9)', () =>
      spec
        .given(established('c', kind, kind === 'provincial_committee' ? null : 'p'))
        .when(when(appoint('inspection_committee_member')))
        .thenMatches([{ data: { role: 'inspection_committee_member' } }]));
  },
);

describe('an active sub-committee', () => {
  it('is refused an inspection committee member (ORG-9)', () =>
    spec
      .given(established('c', 'sub_committee', 'b'))
      .when(when(appoint('inspection_committee_member')))
      .thenRefuses('ORG-9'));
});

describe('a dissolved cell', () => {
  it('is refused an appointment (ORG-STATE)', () =>
    spec
      .given(cell, dissolved('c', '2025-01-01'))
      .when(when(appoint('secretary')))
      .thenRefuses('ORG-STATE'));
});

describe('an organization that does not exist', () => {
  it('is not found', () =>
    expect(() =>
      appointCommitteeMember(appoint('secretary'), initialState, {
        appointeeIsOfficialMember: true,
        officialMemberCount: 5,
      }),
    ).toThrow(EntityNotFound));
});
