import { MemberEvent } from './member.events';
import {
  anOfficialMember,
  assessed,
  aVeteran,
  died,
  exempted,
  madeOfficial,
  nameRemoved,
  readmitted,
  spec,
} from './member.fixtures';
import { evolve, initialState } from './member.state';

describe('an empty member stream', () => {
  it('ignores an event that needs a member, without throwing', () => {
    const events: MemberEvent[] = [madeOfficial(), exempted('2025-01-01'), died('2025-02-01')];
    expect(events.reduce(evolve, initialState)).toEqual({ status: 'none' });
  });
});

describe("a member's yearly ratings", () => {
  it('keeps one rating a year, the later one, even when a correction stored the year as text', () => {
    const asText = {
      ...assessed(2024, 'good'),
      data: { year: '2024', rating: 'good' },
    } as unknown as MemberEvent;
    const { state } = spec.given(
      ...anOfficialMember(),
      assessed(2023, 'good'),
      asText,
      assessed(2024, 'excellent'),
    );
    expect(state).toMatchObject({
      ratings: [
        { year: 2023, rating: 'good' },
        { year: 2024, rating: 'excellent' },
      ],
    });
  });
});

describe('a member registered from paper records', () => {
  it('is probationary without an official date, and official once recognised (PRB-4)', () => {
    const registered: MemberEvent = {
      type: 'MemberRegisteredFromRecords',
      data: {
        memberId: 'm-1',
        fullName: 'B',
        birthDate: '1990-01-01',
        cellId: 'cell-1',
        admittedOn: '2024-09-01',
      },
      effectiveDate: '2025-01-01',
    };
    expect(spec.given(registered).state).toMatchObject({
      status: 'probationary',
      admission: { ceremonyDate: '2024-09-01' },
    });
    expect(spec.given(registered, madeOfficial('2025-09-01')).state).toMatchObject({
      status: 'official',
      officialSince: '2025-09-01',
    });
  });

  it('is official from the recorded date (AGE-2)', () =>
    expect(spec.given(...aVeteran()).state).toMatchObject({
      status: 'official',
      officialSince: '1986-06-01',
      admission: { decisionDate: '1985-06-01', fromRecords: true },
    }));
});

describe('a readmitted member', () => {
  it('starts a new probation without the old card, keeping ratings and the past membership (REM-6)', () => {
    const card: MemberEvent = {
      type: 'PartyCardIssued',
      data: { memberId: 'm-1', cardNumber: 'X1' },
      effectiveDate: '2024-04-01',
    };
    const state = spec.given(
      ...anOfficialMember(),
      card,
      assessed(2023, 'good'),
      nameRemoved('two_years_in_breach', '2024-06-01'),
      readmitted({ decisionDate: '2027-07-01', ceremonyDate: '2027-07-10' }),
    ).state;
    expect(state).toMatchObject({
      status: 'probationary',
      ratings: [{ year: 2023, rating: 'good' }],
      previousMemberships: [
        { officialSince: '2024-03-15', departure: { how: 'removed', reason: 'two_years_in_breach' } },
      ],
    });
    expect(state).not.toHaveProperty('card');
    expect(state).not.toHaveProperty('officialSince');
  });
});
