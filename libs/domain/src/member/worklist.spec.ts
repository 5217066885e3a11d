import { MemberEvent } from './member.events';
import {
  aCandidate,
  anOfficialMember,
  aProbationaryMember,
  arrived,
  aVeteran,
  badgeAwarded,
  died,
  nameRemoved,
  readmitted,
  spec,
  transferStarted,
} from './member.fixtures';
import { Member } from './member.state';
import { badgeComingDue, probationOverdue, transferOverdue, worklistOf } from './worklist';

const probation = (asOf: string) => (state: Member) => probationOverdue(state, asOf);
const transfer = (asOf: string, holidays?: ReadonlySet<string>) => (state: Member) =>
  transferOverdue(state, asOf, holidays);
const badges = (asOf: string, horizonMonths: number) => (state: Member) =>
  badgeComingDue(state, asOf, horizonMonths);

describe('a probationary member (ceremony 2023-03-15)', () => {
  it('is not overdue before the 12 months have passed (PRB-1)', () =>
    spec
      .given(...aProbationaryMember())
      .when(probation('2024-03-14'))
      .then(undefined));

  it('is overdue from the day probation ends, with the cell vote due 30 working days later (PRB-1, PRB-3)', () =>
    spec
      .given(...aProbationaryMember())
      .when(probation('2024-03-15'))
      .then({
        memberId: 'm-1',
        fullName: 'Nguyễn Văn A',
        cellId: 'cell-1',
        ceremonyDate: '2023-03-15',
        probationEnded: '2024-03-15',
        cellVoteDueBy: '2024-04-26',
      }));

  it('is no longer overdue once recognised, effective at the end of probation (PRB-4)', () =>
    spec
      .given(...anOfficialMember())
      .when(probation('2024-06-01'))
      .then(undefined));

  it('is no longer overdue once removed (PRB-3)', () =>
    spec
      .given(...aProbationaryMember(), nameRemoved('probation_failed', '2024-04-01'))
      .when(probation('2024-06-01'))
      .then(undefined));
});

describe('a readmitted member', () => {
  it('owes a full new probation from the new ceremony (REM-6, PRB-1)', () => {
    const history = [
      ...anOfficialMember(),
      nameRemoved('two_years_in_breach', '2024-06-01'),
      readmitted({ decisionDate: '2027-07-01', ceremonyDate: '2027-07-10' }),
    ];
    spec
      .given(...history)
      .when(probation('2028-07-09'))
      .then(undefined);
    spec
      .given(...history)
      .when(probation('2028-07-10'))
      .thenMatches({ ceremonyDate: '2027-07-10', probationEnded: '2028-07-10' });
  });
});

describe('a member on an official transfer started 2025-04-01', () => {
  const official = [...anOfficialMember(), transferStarted('official', '2025-04-01')];

  it('is not overdue on the 30th working day (TRF-4)', () =>
    spec
      .given(...official)
      .when(transfer('2025-05-13'))
      .then(undefined));

  it('is overdue from the next day (TRF-4)', () =>
    spec
      .given(...official)
      .when(transfer('2025-05-14'))
      .then({
        memberId: 'm-1',
        fullName: 'Nguyễn Văn A',
        transferId: 't-1',
        fromCellId: 'cell-1',
        toCellId: 'cell-2',
        startedOn: '2025-04-01',
        dueBy: '2025-05-13',
      }));

  it('has the public holidays added to the deadline (TRF-4, DES-2)', () =>
    spec
      .given(...official)
      .when(transfer('2025-05-15', new Set(['2025-04-30', '2025-05-01'])))
      .then(undefined));

  it('is not overdue once arrived (TRF-4)', () =>
    spec
      .given(...official, arrived('official', '2025-06-01'))
      .when(transfer('2025-07-01'))
      .then(undefined));
});

describe('a member on a temporary transfer', () => {
  it('is not on the transfer worklist: the member stays counted at home (TRF-6)', () =>
    spec
      .given(...anOfficialMember(), transferStarted('temporary', '2025-04-01'))
      .when(transfer('2025-07-01'))
      .then(undefined));
});

describe('a veteran admitted 1985-06-01', () => {
  it('has the 30-year badge, never awarded, and the 40-year badge coming within 12 months (AGE-5)', () =>
    spec
      .given(...aVeteran())
      .when(badges('2025-01-01', 12))
      .then([
        { memberId: 'm-1', fullName: 'Trần Thị B', cellId: 'cell-1', level: 30, dueOn: '2015-06-01' },
        { memberId: 'm-1', fullName: 'Trần Thị B', cellId: 'cell-1', level: 40, dueOn: '2025-06-01' },
      ]));

  it('leaves out the badges already awarded (AGE-5)', () =>
    spec
      .given(...aVeteran(), badgeAwarded(30, '2015-09-02'))
      .when(badges('2025-01-01', 12))
      .thenMatches([{ level: 40, dueOn: '2025-06-01' }]));

  it('leaves out the badges beyond the horizon (AGE-5)', () =>
    spec
      .given(...aVeteran(), badgeAwarded(30, '2015-09-02'))
      .when(badges('2025-01-01', 4))
      .then([]));

  it('reaches the level later by the days a late transfer interrupted party age (AGE-1, AGE-5)', () => {
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
    spec
      .given(
        ...aVeteran(),
        badgeAwarded(30, '2015-09-02'),
        transferStarted('official', '2025-01-01'),
        lateArrival,
      )
      .when(badges('2025-03-01', 12))
      .thenMatches([{ level: 40, dueOn: '2025-06-11' }]);
  });

  it('is not on the worklist once dead: posthumous awards are not a deadline (AGE-5)', () =>
    spec
      .given(...aVeteran(), died('2025-02-01'))
      .when(badges('2025-03-01', 12))
      .then([]));
});

describe('a candidate', () => {
  it('is on no list', () => {
    const state = spec.given(...aCandidate()).state;
    expect(worklistOf([state], '2025-01-01', { badgeHorizonMonths: 12 })).toEqual({
      probationOverdue: [],
      transfersOverdue: [],
      badgesComingDue: [],
    });
  });
});

describe('the worklist of several members', () => {
  const withId = (id: string, events: MemberEvent[]): Member =>
    spec.given(...events.map((e) => ({ ...e, data: { ...e.data, memberId: id } }) as MemberEvent)).state;

  it('orders each list by its date, then by memberId', () => {
    const states = [
      withId('m-3', aProbationaryMember({ ceremonyDate: '2023-03-15' })),
      withId('m-2', aProbationaryMember({ ceremonyDate: '2023-01-10' })),
      withId('m-1', aProbationaryMember({ ceremonyDate: '2023-03-15' })),
      withId('m-4', aVeteran('1995-01-20', '1996-01-20')),
      withId('m-5', aVeteran('1985-06-01', '1986-06-01')),
    ];
    const list = worklistOf(states, '2025-01-01', { badgeHorizonMonths: 12 });
    expect(list.probationOverdue.map((p) => [p.memberId, p.probationEnded])).toEqual([
      ['m-2', '2024-01-10'],
      ['m-1', '2024-03-15'],
      ['m-3', '2024-03-15'],
    ]);
    expect(list.badgesComingDue.map((b) => [b.memberId, b.level, b.dueOn])).toEqual([
      ['m-5', 30, '2015-06-01'],
      ['m-4', 30, '2025-01-20'],
      ['m-5', 40, '2025-06-01'],
    ]);
  });
});
