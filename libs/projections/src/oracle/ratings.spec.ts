import { MemberEvent, MemberRating } from '@ledger/domain';
import { Oracle } from './oracle';
import { LogBuilder, aProvince, assessed, organizationAssessed, registered } from './oracle.fixtures';

/** `count` members of `cellId` rated `rating` for 2024 (ids prefixed so that every call adds new ones). */
const rated = (log: LogBuilder, prefix: string, cellId: string, count: number, rating: MemberRating) => {
  for (let i = 0; i < count; i++) {
    const id = `${prefix}-${i}`;
    const events: MemberEvent[] = [registered(id, `Member ${id}`, cellId), assessed(id, 2024, rating)];
    log.member(...events);
  }
};

describe('Oracle ratings of a commune for 2024', () => {
  // commune-a: 45 excellent, 199 good, 5 completed, 1 not completed; commune-b: 10 excellent.
  const log = aProvince();
  rated(log, 'ex', 'a1', 45, 'excellent');
  rated(log, 'good-a1', 'a1', 100, 'good');
  rated(log, 'good-a2', 'a2', 99, 'good');
  rated(log, 'done', 'a2', 5, 'completed');
  rated(log, 'other', 'b1', 10, 'excellent');
  log.member(
    registered('late', 'Rated in January', 'a2'),
    assessed('late', 2024, 'not_completed', '2025-01-15'),
    registered('unrated', 'Not rated', 'a1'),
  );
  log.org(organizationAssessed('a1', 2024, 'excellent'), organizationAssessed('a2', 2024, 'good'));
  log.org(organizationAssessed('commune-a', 2024, 'good'));
  const oracle = new Oracle(log.log);

  it('counts the members rated and their shares, a rating recorded after the year included', async () => {
    const { members } = await oracle.ratings({ organizationId: 'commune-a', year: 2024 });
    expect(members).toEqual({
      excellent: 45,
      good: 199,
      completed: 5,
      not_completed: 1,
      total: 250,
      shares: { excellent: 45 / 250, good: 199 / 250, completed: 5 / 250, not_completed: 1 / 250 },
    });
  });

  it('counts the organizations below, not the commune itself', async () =>
    expect((await oracle.ratings({ organizationId: 'commune-a', year: 2024 })).organizations).toEqual({
      excellent: 1,
      good: 1,
      completed: 0,
      not_completed: 0,
      total: 2,
      shares: { excellent: 0.5, good: 0.5, completed: 0, not_completed: 0 },
    }));

  it('holds the excellent quota against good or better: 45 ≤ floor(0.2 × 244) (ASM-3)', async () =>
    expect((await oracle.ratings({ organizationId: 'commune-a', year: 2024 })).excellentQuota).toEqual({
      denominator: 'goodOrBetter',
      limit: 48,
      excellent: 45,
      holds: true,
    }));

  it('fails the excellent quota against good alone: 45 > floor(0.2 × 199) (ASM-3)', async () =>
    expect(
      (await oracle.ratings({ organizationId: 'commune-a', year: 2024, quotaDenominator: 'good' }))
        .excellentQuota,
    ).toEqual({ denominator: 'good', limit: 39, excellent: 45, holds: false }));

  it('answers zero shares for a year nobody was rated', async () =>
    expect(await oracle.ratings({ organizationId: 'commune-a', year: 2023 })).toMatchObject({
      members: { total: 0, shares: { excellent: 0, good: 0, completed: 0, not_completed: 0 } },
      excellentQuota: { limit: 0, excellent: 0, holds: true },
    }));
});
