import { AssessMember, assessMember } from './assess-member';
import { MemberRating } from './member.events';
import {
  aCandidate,
  amended,
  anOfficialMember,
  aProbationaryMember,
  assessed,
  died,
  disciplined,
  exempted,
  exemptionEnded,
  spec,
  TODAY,
} from './member.fixtures';
import { Member } from './member.state';

const command: AssessMember = { memberId: 'm-1', year: 2024, rating: 'good', effectiveDate: '2024-12-20' };
const assess =
  (changes: Partial<AssessMember> = {}) =>
  (state: Member) =>
    assessMember({ ...command, ...changes }, state, { today: TODAY });

describe('an official member', () => {
  it('is rated for the year (ASM-1)', () =>
    spec
      .given(...anOfficialMember())
      .when(assess())
      .then([
        {
          type: 'MemberAssessed',
          data: { memberId: 'm-1', year: 2024, rating: 'good' },
          effectiveDate: '2024-12-20',
        },
      ]));

  it('is refused a rating that is not one of the four (ASM-1)', () =>
    spec
      .given(...anOfficialMember())
      .when(assess({ rating: 'average' as MemberRating }))
      .thenRefuses('ASM-1'));

  it('is refused a second rating for the same year (ASM-ONCE-PER-YEAR)', () =>
    spec
      .given(...anOfficialMember(), assessed(2024, 'good'))
      .when(assess())
      .thenRefuses('ASM-ONCE-PER-YEAR'));

  it('is rated for the next year after this one (ASM-ONCE-PER-YEAR)', () =>
    spec
      .given(...anOfficialMember(), assessed(2023, 'good'))
      .when(assess())
      .thenMatches([{ data: { year: 2024 } }]));

  it('is refused a rating decided before the year began (ASM-YEAR)', () =>
    spec
      .given(...anOfficialMember())
      .when(assess({ year: 2025, effectiveDate: '2024-12-20' }))
      .thenRefuses('ASM-YEAR'));

  it('is rated for a year in the following January (ASM-YEAR)', () =>
    spec
      .given(...anOfficialMember())
      .when(assess({ effectiveDate: '2025-01-15' }))
      .thenMatches([{ effectiveDate: '2025-01-15' }]));
});

describe('an exempted member', () => {
  it('is not rated while exempted at the end of the year (ASM-4)', () =>
    spec
      .given(...anOfficialMember(), exempted('2024-03-01'))
      .when(assess())
      .thenRefuses('ASM-4'));

  it('is rated when back from the exemption before the year ended (ASM-4)', () =>
    spec
      .given(...anOfficialMember(), exempted('2024-03-01'), exemptionEnded('2024-09-01'))
      .when(assess())
      .thenMatches([{ type: 'MemberAssessed' }]));
});

describe('a newly admitted member', () => {
  it('is not rated when admitted less than 6 months before the year’s end (ASM-4)', () =>
    spec
      .given(...aProbationaryMember({ decisionDate: '2024-07-02', ceremonyDate: '2024-07-20' }))
      .when(assess())
      .thenRefuses('ASM-4'));

  it('is rated when the admission decision came 6 months before the year’s end (ASM-4)', () =>
    spec
      .given(...aProbationaryMember({ decisionDate: '2024-06-30', ceremonyDate: '2024-07-20' }))
      .when(assess())
      .thenMatches([{ type: 'MemberAssessed' }]));
});

describe('a member disciplined in the year', () => {
  it('is rated not completed (DIS-13)', () =>
    spec
      .given(...anOfficialMember(), disciplined('reprimand', '2024-05-01'))
      .when(assess({ rating: 'not_completed' }))
      .thenMatches([{ data: { rating: 'not_completed' } }]));

  it('is refused any better rating (DIS-13)', () =>
    spec
      .given(...anOfficialMember(), disciplined('reprimand', '2024-05-01'))
      .when(assess())
      .thenRefuses('DIS-13'));

  it('is rated freely when the discipline was annulled (DIS-13)', () =>
    spec
      .given(
        ...anOfficialMember(),
        disciplined('reprimand', '2024-05-01'),
        amended(null, '2024-08-01', 'reprimand'),
      )
      .when(assess())
      .thenMatches([{ data: { rating: 'good' } }]));

  it('is rated freely for the year before the discipline (DIS-13)', () =>
    spec
      .given(...anOfficialMember(), disciplined('reprimand', '2025-01-05'))
      .when(assess())
      .thenMatches([{ data: { rating: 'good' } }]));
});

describe('someone who left', () => {
  it('is rated for a year that ended before they died', () =>
    spec
      .given(...anOfficialMember(), died('2025-01-05'))
      .when(assess({ effectiveDate: '2025-01-10' }))
      .thenMatches([{ type: 'MemberAssessed' }]));

  it('is refused a rating for the year they died in (MEMBER-STATE)', () =>
    spec
      .given(...anOfficialMember(), died('2024-11-05'))
      .when(assess())
      .thenRefuses('MEMBER-STATE'));
});

describe('a candidate', () => {
  it('is refused a rating (MEMBER-STATE)', () =>
    spec
      .given(...aCandidate())
      .when(assess())
      .thenRefuses('MEMBER-STATE'));
});
