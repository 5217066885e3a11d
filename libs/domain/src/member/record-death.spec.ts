import { aCandidate, anOfficialMember, aProbationaryMember, died, spec, TODAY } from './member.fixtures';
import { Member } from './member.state';
import { RecordDeath, recordDeath } from './record-death';

const command: RecordDeath = { memberId: 'm-1', effectiveDate: '2025-05-01' };
const record =
  (changes: Partial<RecordDeath> = {}) =>
  (state: Member) =>
    recordDeath({ ...command, ...changes }, state, { today: TODAY });

describe('an official member', () => {
  it('dies, which ends the membership (REM-5)', () => {
    spec
      .given(...anOfficialMember())
      .when(record())
      .then([{ type: 'MemberDied', data: { memberId: 'm-1' }, effectiveDate: '2025-05-01' }]);
    expect(spec.given(...anOfficialMember(), died('2025-05-01')).state).toMatchObject({
      status: 'left',
      departure: { how: 'died', on: '2025-05-01' },
    });
  });

  it('is refused a death dated after today (MEMBER-DATE)', () =>
    spec
      .given(...anOfficialMember())
      .when(record({ effectiveDate: '2025-07-01' }))
      .thenRefuses('MEMBER-DATE'));
});

describe('a probationary member', () => {
  it('dies on probation (REM-5)', () =>
    spec
      .given(...aProbationaryMember())
      .when(record())
      .thenMatches([{ type: 'MemberDied' }]));
});

describe('someone not a member', () => {
  it('is refused a second death (MEMBER-STATE)', () =>
    spec
      .given(...anOfficialMember(), died('2025-01-01'))
      .when(record())
      .thenRefuses('MEMBER-STATE'));

  it('is refused as a candidate, never a member (MEMBER-STATE)', () =>
    spec
      .given(...aCandidate())
      .when(record())
      .thenRefuses('MEMBER-STATE'));
});
