import { ExemptMember, exemptMember } from './exempt-member';
import { ExemptionReason } from './member.events';
import { aCandidate, anOfficialMember, aProbationaryMember, exempted, spec, TODAY } from './member.fixtures';
import { Member } from './member.state';

const command: ExemptMember = { memberId: 'm-1', reason: 'old_or_weak', effectiveDate: '2025-05-01' };
const exempt =
  (changes: Partial<ExemptMember> = {}) =>
  (state: Member) =>
    exemptMember({ ...command, ...changes }, state, { today: TODAY });

describe('an official member', () => {
  it('is exempted for old age without a stated end (EXM-1)', () =>
    spec
      .given(...anOfficialMember())
      .when(exempt())
      .then([
        {
          type: 'MemberExempted',
          data: { memberId: 'm-1', reason: 'old_or_weak' },
          effectiveDate: '2025-05-01',
        },
      ]));

  it('is refused an exemption on a ground the rules do not know (EXM-1)', () =>
    spec
      .given(...anOfficialMember())
      .when(exempt({ reason: 'busy' as ExemptionReason }))
      .thenRefuses('EXM-1'));

  it('is exempted for maternity leave until a stated day (EXM-2)', () =>
    spec
      .given(...anOfficialMember())
      .when(exempt({ reason: 'maternity_leave', until: '2025-11-01' }))
      .thenMatches([{ data: { reason: 'maternity_leave', until: '2025-11-01' } }]));

  it('is refused an exemption for work abroad with no duration (EXM-2)', () =>
    spec
      .given(...anOfficialMember())
      .when(exempt({ reason: 'abroad' }))
      .thenRefuses('EXM-2'));

  it('is refused an exemption that ends before it starts (EXM-2)', () =>
    spec
      .given(...anOfficialMember())
      .when(exempt({ reason: 'abroad', until: '2025-04-01' }))
      .thenRefuses('EXM-2'));
});

describe('an exempted member', () => {
  it('is refused a second exemption while the first runs (MEMBER-STATE)', () =>
    spec
      .given(...anOfficialMember(), exempted('2025-01-01'))
      .when(exempt())
      .thenRefuses('MEMBER-STATE'));

  it('is exempted again once the earlier one passed its last day (EXM-2)', () =>
    spec
      .given(...anOfficialMember(), exempted('2024-06-01', 'medical_treatment', '2024-12-31'))
      .when(exempt())
      .thenMatches([{ type: 'MemberExempted' }]));
});

describe('a probationary member', () => {
  it('is exempted too: the rules do not limit exemption to official members (EXM-1)', () =>
    spec
      .given(...aProbationaryMember())
      .when(exempt())
      .thenMatches([{ type: 'MemberExempted' }]));
});

describe('a candidate', () => {
  it('is refused an exemption (MEMBER-STATE)', () =>
    spec
      .given(...aCandidate())
      .when(exempt())
      .thenRefuses('MEMBER-STATE'));
});
