import { AwardBadge, awardBadge } from './award-badge';
import { aVeteran, badgeAwarded, died, disciplined, exited, spec } from './member.fixtures';
import { Member } from './member.state';

const command: AwardBadge = {
  memberId: 'm-1',
  years: 40,
  effectiveDate: '2025-06-01',
  decisionRef: '900-QĐ/TU',
};
const award =
  (changes: Partial<AwardBadge> = {}) =>
  (state: Member) =>
    awardBadge({ ...command, ...changes }, state, { today: '2025-12-31' });

describe('a member of 40 years party age', () => {
  it('is awarded the 40-year badge (AGE-5)', () =>
    spec
      .given(...aVeteran())
      .when(award())
      .then([
        {
          type: 'BadgeAwarded',
          data: { memberId: 'm-1', years: 40, decisionRef: '900-QĐ/TU' },
          effectiveDate: '2025-06-01',
        },
      ]));

  it('is refused the 45-year badge not yet due (AGE-5)', () =>
    spec
      .given(...aVeteran())
      .when(award({ years: 45 }))
      .thenRefuses('AGE-5'));

  it('is refused a badge level that does not exist (AGE-5)', () =>
    spec
      .given(...aVeteran())
      .when(award({ years: 35 }))
      .thenRefuses('AGE-5'));

  it('is awarded a skipped 30-year badge (AGE-5)', () =>
    spec
      .given(...aVeteran())
      .when(award({ years: 30 }))
      .thenMatches([{ data: { years: 30 } }]));

  it('is refused the same badge twice (MEMBER-STATE)', () =>
    spec
      .given(...aVeteran(), badgeAwarded(40, '2025-06-01'))
      .when(award({ effectiveDate: '2025-07-01' }))
      .thenRefuses('MEMBER-STATE'));

  it('is refused a badge while a reprimand is in force (DIS-12)', () =>
    spec
      .given(...aVeteran(), disciplined('reprimand', '2025-01-01'))
      .when(award())
      .thenRefuses('DIS-12'));

  it('is awarded once the reprimand has lapsed (DIS-11, DIS-12)', () =>
    spec
      .given(...aVeteran(), disciplined('reprimand', '2024-01-01'))
      .when(award())
      .thenMatches([{ type: 'BadgeAwarded' }]));
});

describe('a seriously ill member', () => {
  it('is awarded up to 12 months early, marked early (AGE-5)', () =>
    spec
      .given(...aVeteran())
      .when(award({ effectiveDate: '2024-07-01', seriouslyIll: true }))
      .thenMatches([{ data: { years: 40, early: true } }]));

  it('is refused more than 12 months early (AGE-5)', () =>
    spec
      .given(...aVeteran())
      .when(award({ effectiveDate: '2024-05-31', seriouslyIll: true }))
      .thenRefuses('AGE-5'));
});

describe('a member who died', () => {
  it('is awarded posthumously by the party age reached at death (AGE-5)', () =>
    spec
      .given(...aVeteran(), died('2025-06-10'))
      .when(award({ effectiveDate: '2025-09-02' }))
      .thenMatches([{ data: { years: 40, posthumous: true } }]));

  it('is refused a level not reached before death (AGE-5)', () =>
    spec
      .given(...aVeteran(), died('2025-05-20'))
      .when(award({ effectiveDate: '2025-09-02' }))
      .thenRefuses('AGE-5'));
});

describe('a former member who left the party', () => {
  it('is refused a badge (MEMBER-STATE)', () =>
    spec
      .given(...aVeteran(), exited('2025-06-10'))
      .when(award({ effectiveDate: '2025-09-02' }))
      .thenRefuses('MEMBER-STATE'));
});
