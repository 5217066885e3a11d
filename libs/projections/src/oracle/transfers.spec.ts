import { Oracle } from './oracle';
import { aProvince, registered, transferCompleted, transferStarted } from './oracle.fixtures';

describe('Oracle on an official transfer from commune-a to commune-b', () => {
  // Out of a1 on 2024-05-01, in transit, registered in b1 on 2024-05-20.
  const log = aProvince().member(
    registered('m-1', 'Trần Văn An', 'a1'),
    transferStarted('m-1', 'official', 'a1', 'b1', '2024-05-01'),
    transferCompleted('m-1', 'official', 'a1', 'b1', '2024-05-20'),
  );
  const oracle = new Oracle(log.log);
  const total = async (organizationId: string, asOf: string) =>
    (await oracle.counts({ organizationId, asOf })).total;
  const flows = (organizationId: string) =>
    oracle.flows({ organizationId, from: '2024-01-01', to: '2024-12-31' });

  it('counts the member in commune-a until departure', async () => {
    expect(await total('commune-a', '2024-04-30')).toBe(1);
    expect(await total('commune-b', '2024-04-30')).toBe(0);
  });

  it('counts the member nowhere in transit (TRF-7)', async () => {
    expect(await total('commune-a', '2024-05-10')).toBe(0);
    expect(await total('commune-b', '2024-05-10')).toBe(0);
    expect(await total('p', '2024-05-10')).toBe(0);
  });

  it('counts the member in commune-b from arrival', async () => {
    expect(await total('commune-a', '2024-05-20')).toBe(0);
    expect(await total('commune-b', '2024-05-20')).toBe(1);
    const roster = await oracle.roster({ organizationId: 'p', asOf: '2024-05-20', offset: 0, limit: 10 });
    expect(roster.items.map((i) => i.cellId)).toEqual(['b1']);
  });

  it('is a transfer out of commune-a and into commune-b, and no flow of the province', async () => {
    expect(await flows('commune-a')).toMatchObject({ transferredOut: 1, transferredIn: 0 });
    expect(await flows('commune-b')).toMatchObject({ transferredOut: 0, transferredIn: 1 });
    expect(await flows('p')).toMatchObject({ transferredOut: 0, transferredIn: 0 });
  });

  it('drills down to the arrival', async () => {
    const arrival = log.log.find((e) => e.type === 'MemberTransferCompleted')!;
    expect(
      await oracle.flowItems({
        organizationId: 'commune-b',
        from: '2024-01-01',
        to: '2024-12-31',
        kind: 'transferredIn',
      }),
    ).toEqual([
      {
        kind: 'transferredIn',
        memberId: 'm-1',
        eventId: arrival.eventId,
        type: 'MemberTransferCompleted',
        effectiveDate: '2024-05-20',
      },
    ]);
  });
});

describe('Oracle on a temporary transfer', () => {
  const log = aProvince().member(
    registered('m-2', 'Lê Thị Bình', 'a1'),
    transferStarted('m-2', 'temporary', 'a1', 'b1', '2024-06-01'),
    transferCompleted('m-2', 'temporary', 'a1', 'b1', '2024-06-05'),
  );
  const oracle = new Oracle(log.log);

  it('keeps the member in the home count (TRF-6) and records no flow', async () => {
    expect(await oracle.counts({ organizationId: 'commune-a', asOf: '2024-06-10' })).toMatchObject({
      total: 1,
    });
    expect(await oracle.counts({ organizationId: 'commune-b', asOf: '2024-06-10' })).toMatchObject({
      total: 0,
    });
    expect(
      await oracle.flows({ organizationId: 'commune-b', from: '2024-01-01', to: '2024-12-31' }),
    ).toMatchObject({
      transferredIn: 0,
      transferredOut: 0,
    });
    expect(
      await oracle.flows({ organizationId: 'commune-a', from: '2024-01-01', to: '2024-12-31' }),
    ).toMatchObject({
      transferredIn: 0,
      transferredOut: 0,
    });
  });
});
