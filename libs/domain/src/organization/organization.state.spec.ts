import fc from 'fast-check';
import { OrganizationEvent } from './organization.events';
import { dissolved, established, folded, merged } from './organization.fixtures';
import {
  evolve,
  initialState,
  isActiveOn,
  isMemberRegistrable,
  Organization,
  stateNeutralTypes,
} from './organization.state';

const cell = established('c', 'cell', 'b', '2015-03-01', 'Chi bộ 1');
const later: OrganizationEvent[] = [
  {
    type: 'OrganizationRenamed',
    data: { organizationId: 'c', name: 'Chi bộ 2', previousName: 'Chi bộ 1' },
    effectiveDate: '2020-01-01',
  },
  {
    type: 'OrganizationMoved',
    data: { organizationId: 'c', fromParentId: 'b', toParentId: 'b2' },
    effectiveDate: '2021-01-01',
  },
  {
    type: 'OrganizationAssessed',
    data: { organizationId: 'c', year: 2021, rating: 'good' },
    effectiveDate: '2021-12-20',
  },
  {
    type: 'MeetingHeld',
    data: { organizationId: 'c', meetingKind: 'regular', heldOn: '2022-01-05', expected: 10, present: 9 },
    effectiveDate: '2022-01-05',
  },
  {
    type: 'AdmissionTargetSet',
    data: { organizationId: 'c', year: 2022, target: 2 },
    effectiveDate: '2022-01-10',
  },
  {
    type: 'CommitteeMemberAppointed',
    data: { organizationId: 'c', memberId: 'm1', role: 'secretary' },
    effectiveDate: '2022-02-01',
  },
];

describe('evolve', () => {
  it('folds an organization’s life into its current facts', () =>
    expect(folded(cell, ...later)).toEqual({
      status: 'active',
      id: 'c',
      name: 'Chi bộ 2',
      kind: 'cell',
      parentId: 'b2',
      establishedOn: '2015-03-01',
      ratings: [{ year: 2021, rating: 'good' }],
      admissionTargets: { 2022: 2 },
      committee: { m1: 'secretary' },
    }));

  it('keeps the facts of a merged organization, with where and when it went', () =>
    expect(folded(cell, merged('c', 'c2', '2025-07-01'))).toMatchObject({
      status: 'merged',
      name: 'Chi bộ 1',
      mergedInto: 'c2',
      endedOn: '2025-07-01',
    }));

  it('keeps the facts of a dissolved organization, with its end date', () =>
    expect(folded(cell, dissolved('c', '2025-07-01'))).toMatchObject({
      status: 'dissolved',
      endedOn: '2025-07-01',
    }));

  it('never throws: an event on an empty stream leaves it empty', () =>
    later.forEach((event) => expect(evolve(initialState, event)).toEqual(initialState)));
});

describe('stateNeutralTypes', () => {
  // Every state an organization passes through, from none to merged or dissolved.
  const histories = [
    [cell, ...later, merged('c', 'c2', '2025-07-01')],
    [cell, ...later, dissolved('c', '2025-07-01')],
  ];
  const states: Organization[] = [
    initialState,
    ...histories.flatMap((h) => h.map((_, i) => folded(...h.slice(0, i + 1)))),
  ];
  // An event of each listed type, any data: a type listed without one here fails the test.
  const samples: Record<string, fc.Arbitrary<OrganizationEvent>> = {
    MeetingHeld: fc
      .record({
        organizationId: fc.constantFrom('c', 'other'),
        meetingKind: fc.constantFrom('regular' as const, 'thematic' as const),
        heldOn: fc.constantFrom('2010-01-01', '2022-01-05', '2026-12-31'),
        expected: fc.nat(200),
        present: fc.nat(200),
      })
      .map((data) => ({ type: 'MeetingHeld' as const, data, effectiveDate: data.heldOn })),
  };

  it.each(stateNeutralTypes.map((t) => [t]))('evolve leaves every state as it was for %s', (type) => {
    expect(samples[type]).toBeDefined();
    fc.assert(
      fc.property(
        fc.constantFrom(...states),
        samples[type],
        (state, event) => evolve(state, event) === state,
      ),
    );
  });
});

describe('isActiveOn', () => {
  const gone = folded(cell, dissolved('c', '2025-07-01'));
  it('is true from the establishment up to the day before the end', () => {
    expect(isActiveOn(gone, '2015-03-01')).toBe(true);
    expect(isActiveOn(gone, '2025-06-30')).toBe(true);
  });
  it('is false before the establishment, from the end on, and for no organization', () => {
    expect(isActiveOn(gone, '2015-02-28')).toBe(false);
    expect(isActiveOn(gone, '2025-07-01')).toBe(false);
    expect(isActiveOn(initialState, '2025-07-01')).toBe(false);
  });
});

describe('isMemberRegistrable', () => {
  it('accepts an active cell or base cell', () => {
    expect(isMemberRegistrable(folded(cell))).toBe(true);
    expect(isMemberRegistrable(folded(established('s', 'base_cell', 'p')))).toBe(true);
  });
  it('refuses any other kind, and no organization at all', () => {
    expect(isMemberRegistrable(folded(established('b', 'base_committee', 'p')))).toBe(false);
    expect(isMemberRegistrable(folded(established('s', 'sub_committee', 'b')))).toBe(false);
    expect(isMemberRegistrable(initialState)).toBe(false);
  });
  it('refuses a merged cell now, but accepts it on a date it was still active', () => {
    const gone = folded(cell, merged('c', 'c2', '2025-07-01'));
    expect(isMemberRegistrable(gone)).toBe(false);
    expect(isMemberRegistrable(gone, '2025-06-30')).toBe(true);
    expect(isMemberRegistrable(gone, '2025-07-01')).toBe(false);
  });
});
