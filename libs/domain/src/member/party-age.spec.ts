import {
  aCandidate,
  amended,
  anOfficialMember,
  aVeteran,
  badgeAwarded,
  expelled,
  nameRemoved,
  readmitted,
  spec,
  transferStarted,
} from './member.fixtures';
import { MemberEvent } from './member.events';
import { badgeDue, badgesDue, partyAge } from './party-age';

const ageOf = (events: MemberEvent[], onDate: string) => partyAge(spec.given(...events).state, onDate);

describe('party age of a member never out of the party', () => {
  it('runs from the admission decision, not the ceremony (AGE-1, ADM-12)', () =>
    expect(ageOf(anOfficialMember(), '2024-03-01')).toEqual({ years: 1, months: 0, totalMonths: 12 }));

  it('reaches 40 years on the calendar anniversary, a day short is a month short (AGE-1)', () => {
    expect(ageOf(aVeteran(), '2025-06-01')).toEqual({ years: 40, months: 0, totalMonths: 480 });
    expect(ageOf(aVeteran(), '2025-05-31')).toEqual({ years: 39, months: 11, totalMonths: 479 });
  });

  it('is undefined for a candidate, never admitted', () =>
    expect(ageOf(aCandidate(), '2025-01-01')).toBeUndefined());
});

describe('party age of a member who left', () => {
  it('stops on the day they left (AGE-1)', () =>
    expect(
      ageOf([...anOfficialMember(), nameRemoved('two_years_in_breach', '2024-03-01')], '2030-01-01'),
    ).toMatchObject({
      years: 1,
      months: 0,
    }));

  it('counts from the first admission less the time out when readmitted (AGE-3)', () =>
    expect(
      ageOf(
        [
          ...anOfficialMember(),
          nameRemoved('two_years_in_breach', '2024-03-01'),
          readmitted({ decisionDate: '2027-03-01', ceremonyDate: '2027-03-10' }),
        ],
        '2028-03-01',
      ),
    ).toMatchObject({ years: 2, months: 0 }));

  it('runs unbroken when an expulsion is annulled (AGE-4, DIS-15)', () =>
    expect(
      ageOf(
        [...anOfficialMember(), ...expelled('2024-01-01'), amended(null, '2024-06-01', 'expulsion')],
        '2025-03-01',
      ),
    ).toMatchObject({
      years: 2,
      months: 0,
    }));
});

describe('party age across a late transfer', () => {
  it('loses the days the committee counted as an interruption (AGE-1)', () => {
    const lateArrival: MemberEvent = {
      type: 'MemberTransferCompleted',
      data: {
        memberId: 'm-1',
        transferId: 't-1',
        kind: 'official',
        fromCellId: 'cell-1',
        toCellId: 'cell-2',
        dueBy: '2025-02-12',
        late: true,
        partyAgeGap: { from: '2025-02-13', to: '2025-02-23' },
      },
      effectiveDate: '2025-02-23',
    };
    const events = [...aVeteran(), transferStarted('official', '2025-01-01'), lateArrival];
    expect(ageOf(events, '2025-06-10')).toMatchObject({ years: 39, months: 11 });
    expect(ageOf(events, '2025-06-11')).toMatchObject({ years: 40, months: 0 });
  });
});

describe('badges due (AGE-5)', () => {
  it('gives the highest level reached', () => {
    expect(badgeDue(spec.given(...aVeteran()).state, '2025-06-01')).toBe(40);
    expect(badgeDue(spec.given(...aVeteran()).state, '2025-05-31')).toBe(30);
  });

  it('leaves out the levels already awarded', () =>
    expect(badgesDue(spec.given(...aVeteran(), badgeAwarded(30, '2015-09-02')).state, '2025-06-01')).toEqual([
      40,
    ]));

  it('comes 12 months early for a seriously ill member below 70 years', () => {
    const state = spec.given(...aVeteran()).state;
    expect(badgeDue(state, '2024-06-01', { seriouslyIll: true })).toBe(40);
    expect(badgeDue(state, '2024-05-31', { seriouslyIll: true })).toBe(30);
  });

  it('comes 24 months early for a seriously ill member from 70 years', () =>
    expect(
      badgeDue(spec.given(...aVeteran('1955-06-01', '1956-06-01')).state, '2023-06-01', {
        seriouslyIll: true,
      }),
    ).toBe(70));

  it('is none for a candidate', () =>
    expect(badgeDue(spec.given(...aCandidate()).state, '2025-06-01')).toBeUndefined());
});
