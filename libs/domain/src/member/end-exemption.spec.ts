import { EndExemption, endExemption } from './end-exemption';
import { anOfficialMember, exempted, spec, TODAY } from './member.fixtures';
import { Member } from './member.state';

const command: EndExemption = { memberId: 'm-1', effectiveDate: '2025-05-01' };
const end =
  (changes: Partial<EndExemption> = {}) =>
  (state: Member) =>
    endExemption({ ...command, ...changes }, state, { today: TODAY });

describe('an exempted member', () => {
  it('returns to work and activities by the cell’s decision', () =>
    spec
      .given(...anOfficialMember(), exempted('2025-01-01'))
      .when(end())
      .then([{ type: 'ExemptionEnded', data: { memberId: 'm-1' }, effectiveDate: '2025-05-01' }]));

  it('is refused a return dated before the exemption (MEMBER-DATE)', () =>
    spec
      .given(...anOfficialMember(), exempted('2025-01-01'))
      .when(end({ effectiveDate: '2024-12-31' }))
      .thenRefuses('MEMBER-DATE'));
});

describe('a member not exempted', () => {
  it('is refused the end of an exemption (MEMBER-STATE)', () =>
    spec
      .given(...anOfficialMember())
      .when(end())
      .thenRefuses('MEMBER-STATE'));
});
