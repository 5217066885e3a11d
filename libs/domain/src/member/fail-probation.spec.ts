import { FailProbation, failProbation } from './fail-probation';
import { anOfficialMember, aProbationaryMember, spec, TODAY } from './member.fixtures';
import { Member } from './member.state';

const command: FailProbation = { memberId: 'm-1', decisionRef: '20-QĐ/ĐU', effectiveDate: '2024-04-10' };
const fail =
  (changes: Partial<FailProbation> = {}) =>
  (state: Member) =>
    failProbation({ ...command, ...changes }, state, { today: TODAY });

describe('a probationary member found unfit', () => {
  it('has the name removed for failed probation, not expelled (PRB-3)', () =>
    spec
      .given(...aProbationaryMember())
      .when(fail())
      .then([
        {
          type: 'MemberNameRemoved',
          data: { memberId: 'm-1', reason: 'probation_failed', decisionRef: '20-QĐ/ĐU', regulation: 'QĐ24' },
          effectiveDate: '2024-04-10',
        },
      ]));

  it('has the name removed before the 12 months end when found unfit earlier (PRB-3)', () =>
    spec
      .given(...aProbationaryMember())
      .when(fail({ effectiveDate: '2023-09-01' }))
      .thenMatches([{ effectiveDate: '2023-09-01' }]));

  it('is refused a removal dated before the ceremony (MEMBER-DATE)', () =>
    spec
      .given(...aProbationaryMember())
      .when(fail({ effectiveDate: '2023-03-14' }))
      .thenRefuses('MEMBER-DATE'));
});

describe('an official member', () => {
  it('cannot fail a probation already passed (PRB-3)', () =>
    spec
      .given(...anOfficialMember())
      .when(fail())
      .thenRefuses('PRB-3'));
});
