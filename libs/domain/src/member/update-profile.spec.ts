import { aCandidate, anOfficialMember, disciplined, holdsPosition, spec, TODAY } from './member.fixtures';
import { Member } from './member.state';
import { UpdateProfile, updateProfile } from './update-profile';

const command: UpdateProfile = { memberId: 'm-1', effectiveDate: '2025-05-01' };
const update =
  (changes: Partial<UpdateProfile> = {}) =>
  (state: Member) =>
    updateProfile({ ...command, ...changes }, state, { today: TODAY });

describe('an official member', () => {
  it('has education and political theory recorded', () =>
    spec
      .given(...anOfficialMember())
      .when(update({ education: 'university', politicalTheory: 'intermediate' }))
      .then([
        {
          type: 'ProfileUpdated',
          data: { memberId: 'm-1', education: 'university', politicalTheory: 'intermediate' },
          effectiveDate: '2025-05-01',
        },
      ]));

  it('has a post recorded while a discipline is in force: a record, not an appointment (DIS-12)', () =>
    spec
      .given(...anOfficialMember(), disciplined('warning', '2025-03-01'))
      .when(update({ position: 'deputy head of office' }))
      .thenMatches([{ data: { position: 'deputy head of office' } }]));

  it('has a post given up recorded as null', () =>
    spec
      .given(...anOfficialMember(), holdsPosition())
      .when(update({ position: null }))
      .thenMatches([{ data: { position: null } }]));

  it('appends nothing when nothing changes', () =>
    spec
      .given(...anOfficialMember(), holdsPosition('cell secretary'))
      .when(update({ position: 'cell secretary' }))
      .then([]));

  it('is refused a profile dated after today (MEMBER-DATE)', () =>
    spec
      .given(...anOfficialMember())
      .when(update({ education: 'x', effectiveDate: '2026-01-01' }))
      .thenRefuses('MEMBER-DATE'));
});

describe('a candidate', () => {
  it('has a profile too', () =>
    spec
      .given(...aCandidate())
      .when(update({ education: 'upper secondary' }))
      .thenMatches([{ data: { education: 'upper secondary' } }]));
});
