import { Oracle } from '@ledger/projections';
import { MemoryLog } from '../testing/memory-log';
import { DemoLedger, loadDemo } from './load-demo';

/** The demo's figures as the oracle (the definition of correct) reads them from the log, without a database. */
describe('loadDemo', () => {
  let log: MemoryLog;
  let demo: DemoLedger;
  let oracle: Oracle;

  beforeAll(async () => {
    log = new MemoryLog();
    demo = await loadDemo(log);
    oracle = new Oracle(log.events);
  }, 60_000);

  it('shows exactly 699 admitted and 175 disciplined in Huyện Sơn Dương from June 2021 to March 2024', async () => {
    const { organizationId, from, to, name } = demo.figures.sonDuong;
    const flows = await oracle.flows({ organizationId, from, to });
    expect(name).toBe('Huyện Sơn Dương');
    expect(flows.admitted).toBe(699);
    expect(flows.disciplined).toEqual({
      reprimand: 96,
      warning: 52,
      dismissal: 15,
      expulsion: 12,
      total: 175,
    });
    expect(flows.expelled).toBe(12);
    // Outside the period there were admissions and disciplines too: the period's figure is not the whole story.
    const all = await oracle.flows({ organizationId, from: '2021-01-01', to: '2025-06-30' });
    expect(all.admitted).toBeGreaterThan(699);
    expect(all.disciplined.total).toBeGreaterThan(175);
  });

  it('shows Xã Thanh Ba with 84 cells and 2,551 members on 1 July 2025, after the merger', async () => {
    const { organizationId, name } = demo.figures.thanhBa;
    const counts = await oracle.counts({ organizationId, asOf: '2025-07-01' });
    expect(name).toBe('Xã Thanh Ba');
    expect(counts.total).toBe(2551);
    expect(counts.organizations).toMatchObject({ cell: 84, sub_committee: 0, base_cell: 0 });
    // The day before, it was Thị trấn Thanh Ba alone, under the district.
    const before = await oracle.counts({ organizationId, asOf: '2025-06-30' });
    expect(before.organizations.cell).toBeLessThan(84);
    expect(before.total).toBeLessThan(2551);
  });

  it("shows Xã Na Khê's 2023 ratings: 3 and 12 cells, 45 and 199 members, the quota holding only over good-or-better", async () => {
    const { organizationId, name } = demo.figures.naKhe;
    const ratings = await oracle.ratings({ organizationId, year: 2023 });
    const byGood = await oracle.ratings({ organizationId, year: 2023, quotaDenominator: 'good' });
    expect(name).toBe('Xã Na Khê');
    expect(ratings.organizations).toMatchObject({ excellent: 3, good: 12, completed: 0, not_completed: 0 });
    expect(ratings.members).toMatchObject({ excellent: 45, good: 199, completed: 0, not_completed: 0 });
    expect(ratings.excellentQuota).toEqual({
      denominator: 'goodOrBetter',
      limit: 48,
      excellent: 45,
      holds: true,
    });
    expect(byGood.excellentQuota).toEqual({ denominator: 'good', limit: 39, excellent: 45, holds: false });
  });

  it('is the same ledger again from the same seed, and another one, with the same figures, from another', async () => {
    const again = new MemoryLog();
    expect(await loadDemo(again)).toEqual(demo);
    expect(again.events.map((e) => e.eventId)).toEqual(log.events.map((e) => e.eventId));
    const other = new MemoryLog();
    const copy = await loadDemo(other, { seed: 99 });
    expect(copy.figures.thanhBa.organizationId).not.toBe(demo.figures.thanhBa.organizationId);
    const flows = await new Oracle(other.events).flows({
      organizationId: copy.figures.sonDuong.organizationId,
      from: '2021-06-01',
      to: '2024-03-31',
    });
    expect([flows.admitted, flows.disciplined.total]).toEqual([699, 175]);
  }, 60_000);
});
