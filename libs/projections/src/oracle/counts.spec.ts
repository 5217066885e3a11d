import { Oracle } from './oracle';
import { aProvince, exempted, merger, noOrganizations, reassigned, registered } from './oracle.fixtures';

describe('Oracle counts', () => {
  describe('a commune before and after another merges into it', () => {
    // commune-b merges into commune-a on 2025-07-01; its cell b1 moves under commune-a with its members.
    const log = aProvince()
      .member(
        registered('m-1', 'Trần Văn An', 'a1'),
        registered('m-2', 'Lê Thị Bình', 'a1', null),
        registered('m-3', 'Phạm Văn Cường', 'b1'),
        registered('m-4', 'Nguyễn Thị Dung', 'b1'),
        registered('m-5', 'Hoàng Văn Em', 'b1'),
        exempted('m-4', '2024-01-01'),
      )
      .org(...merger('commune-b', 'commune-a', '2025-07-01', ['b1']));
    const oracle = new Oracle(log.log);
    const counts = (organizationId: string, asOf: string) => oracle.counts({ organizationId, asOf });

    it('counts its own cells the day before', async () =>
      expect(await counts('commune-a', '2025-06-30')).toEqual({
        organizationId: 'commune-a',
        asOf: '2025-06-30',
        total: 2,
        probationary: 1,
        official: 1,
        exempted: 0,
        organizations: { ...noOrganizations, cell: 2 },
      }));

    it('counts the merged commune’s cell from the merger on', async () =>
      expect(await counts('commune-a', '2025-07-01')).toEqual({
        organizationId: 'commune-a',
        asOf: '2025-07-01',
        total: 5,
        probationary: 1,
        official: 4,
        exempted: 1,
        organizations: { ...noOrganizations, cell: 3 },
      }));

    it('leaves the merged commune with nothing under it', async () => {
      expect(await counts('commune-b', '2025-06-30')).toMatchObject({
        total: 3,
        organizations: { ...noOrganizations, cell: 1 },
      });
      expect(await counts('commune-b', '2025-07-01')).toMatchObject({
        total: 0,
        organizations: noOrganizations,
      });
    });

    it('counts the province’s tree as it stood on each date', async () => {
      expect(await counts('p', '2025-06-30')).toMatchObject({
        total: 5,
        organizations: { ...noOrganizations, district_committee: 1, base_committee: 2, cell: 3 },
      });
      expect(await counts('p', '2025-07-01')).toMatchObject({
        total: 5,
        organizations: { ...noOrganizations, district_committee: 1, base_committee: 1, cell: 3 },
      });
    });

    it('counts nothing before the tree existed', async () =>
      expect(await counts('p', '2009-12-31')).toMatchObject({ total: 0, organizations: noOrganizations }));
  });

  describe('a cell merged into another, its members reassigned', () => {
    const log = aProvince()
      .member(registered('m-1', 'Trần Văn An', 'a1'), registered('m-2', 'Phạm Văn Cường', 'b1'))
      .org(...merger('b1', 'a1', '2025-08-01'))
      .member(reassigned('m-2', 'b1', 'a1', 'b1', '2025-08-01'));
    const oracle = new Oracle(log.log);

    it('counts the reassigned members in the receiving cell from the merger on', async () => {
      expect(await oracle.counts({ organizationId: 'a1', asOf: '2025-07-31' })).toMatchObject({ total: 1 });
      expect(await oracle.counts({ organizationId: 'a1', asOf: '2025-08-01' })).toMatchObject({ total: 2 });
      expect(await oracle.counts({ organizationId: 'commune-b', asOf: '2025-08-01' })).toMatchObject({
        total: 0,
        organizations: noOrganizations,
      });
    });
  });
});

describe('Oracle roster', () => {
  const log = aProvince().member(
    registered('m-1', 'Trần Văn An', 'a1'),
    registered('m-2', 'Lê Thị Bình', 'a2', null),
    registered('m-6', 'Lê Thị Bình', 'a1'),
    registered('m-3', 'Đỗ Văn Giang', 'a1'),
    registered('m-4', 'Hoàng Văn Em', 'a2'),
    registered('m-5', 'Phạm Văn Cường', 'b1'),
    exempted('m-4', '2024-01-01'),
  );
  const oracle = new Oracle(log.log);
  const roster = (page: { status?: 'official' | 'probationary'; offset?: number; limit?: number } = {}) =>
    oracle.roster({ organizationId: 'commune-a', asOf: '2025-01-01', offset: 0, limit: 50, ...page });

  it('lists by full name then member id, in JavaScript string order (Đ after every ASCII letter)', async () =>
    expect(await roster()).toEqual({
      total: 5,
      items: [
        { memberId: 'm-4', fullName: 'Hoàng Văn Em', status: 'official', cellId: 'a2', exempted: true },
        { memberId: 'm-2', fullName: 'Lê Thị Bình', status: 'probationary', cellId: 'a2', exempted: false },
        { memberId: 'm-6', fullName: 'Lê Thị Bình', status: 'official', cellId: 'a1', exempted: false },
        { memberId: 'm-1', fullName: 'Trần Văn An', status: 'official', cellId: 'a1', exempted: false },
        { memberId: 'm-3', fullName: 'Đỗ Văn Giang', status: 'official', cellId: 'a1', exempted: false },
      ],
    }));

  it('filters by status and pages after counting', async () => {
    const page = await roster({ status: 'official', offset: 1, limit: 2 });
    expect(page.total).toBe(4);
    expect(page.items.map((i) => i.memberId)).toEqual(['m-6', 'm-1']);
  });
});
