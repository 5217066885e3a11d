import { Oracle } from './oracle';
import { knownEvents } from './known-events';
import { aNewMember, aProvince, registered } from './oracle.fixtures';

describe('Oracle on an admission recorded late', () => {
  // Admitted in a1 on 2024-03-15; the ledger learns of it on 2024-06-10.
  const log = aProvince().member(registered('m-1', 'Trần Văn An', 'a1'));
  const before = log.now;
  log.recordAt('2024-06-10T08:00:00.000Z').member(...aNewMember('m-2', 'Lê Thị Bình', 'a1', '2024-03-15'));
  const recorded = log.now;
  const oracle = new Oracle(log.log);
  const total = async (asOf: string, knownAt?: string) =>
    (await oracle.counts({ organizationId: 'commune-a', asOf, knownAt })).total;
  const admitted = async (knownAt?: string) =>
    (await oracle.flows({ organizationId: 'commune-a', from: '2024-01-01', to: '2024-12-31', knownAt }))
      .admitted;

  it('is not seen as known before it was recorded', async () => {
    expect(await total('2024-04-01', '2024-06-01T00:00:00.000Z')).toBe(1);
    expect(await admitted('2024-06-01T00:00:00.000Z')).toBe(0);
  });

  it('is seen, on its effective date, as known from the instant it was recorded', async () => {
    expect(await total('2024-04-01', recorded)).toBe(2);
    expect(await total('2024-03-14', recorded)).toBe(1);
    expect(await admitted(recorded)).toBe(1);
  });

  it('compares instants, not strings', async () => {
    const offset = recorded.replace('T08:00:01.000Z', 'T15:00:01+07:00');
    expect(offset).not.toBe(recorded);
    expect(await total('2024-04-01', offset)).toBe(2);
  });

  it('is seen when everything recorded is asked about', async () =>
    expect(await total('2024-04-01')).toBe(2));

  it('knownEvents keeps only what was recorded by then, in global order', () => {
    expect(knownEvents(log.log, before)).toEqual(log.log.slice(0, log.log.length - 2));
    expect(knownEvents([...log.log].reverse())).toEqual(log.log);
    expect(() => knownEvents(log.log, 'yesterday')).toThrow(RangeError);
  });
});
