import { randomUUID } from 'node:crypto';
import { client } from './support/http';
import { createTestApp, TestApp } from './support/test-app';

/**
 * The query endpoints over a small history written through the API: a district whose commune
 * merges into another in the 2025 reform, with members registered from paper records.
 */
describe('point-in-time queries over HTTP', () => {
  let t: TestApp;
  let http: ReturnType<typeof client>;
  let province: string, district: string, communeA: string, communeB: string, cellA: string, cellB: string;
  const members: string[] = [];

  const register = async (cellId: string, fullName: string, admittedOn: string, officialOn?: string) => {
    const res = await http.expectStatus(201, '/api/members/existing', {
      fullName,
      birthDate: '1980-01-01',
      cellId,
      admittedOn,
      ...(officialOn ? { officialOn } : {}),
      effectiveDate: officialOn ?? admittedOn,
    });
    members.push(res.body.id);
    return res.body.id as string;
  };

  beforeAll(async () => {
    t = await createTestApp();
    http = client(t);
    province = await http.establish('provincial_committee', undefined, '2000-01-01');
    district = await http.establish('district_committee', province, '2000-01-01');
    communeA = await http.establish('base_committee', district, '2000-01-01');
    communeB = await http.establish('base_committee', district, '2000-01-01');
    cellA = await http.establish('cell', communeA, '2000-01-01');
    cellB = await http.establish('cell', communeB, '2000-01-01');
    await register(cellA, 'Nguyễn Văn An', '2010-05-01', '2011-05-01');
    await register(cellA, 'Trần Thị Bình', '2012-05-01', '2013-05-01');
    await register(cellB, 'Lê Văn Cường', '2015-05-01', '2016-05-01');
    await register(cellB, 'Phạm Thị Dung', '2020-03-01');
  });
  afterAll(() => t.close());

  describe('GET /api/organizations/:id/counts', () => {
    it('counts the members and sub-organizations of a subtree on a date', async () => {
      const res = await http.get(`/api/organizations/${district}/counts?asOf=2020-06-01`).expect(200);
      expect(res.body).toMatchObject({ total: 4, official: 3, probationary: 1, exempted: 0 });
      expect(res.body.organizations).toMatchObject({ base_committee: 2, cell: 2 });
      // A member registered from paper records is in the ledger from the registration's effective date.
      const early = await http.get(`/api/organizations/${communeA}/counts?asOf=2011-06-01`).expect(200);
      expect(early.body).toMatchObject({ total: 1, probationary: 0, official: 1 });
    });

    it('uses the tree as it stood: after a merger the cells count toward the new commune', async () => {
      await http.expectStatus(201, `/api/organizations/${communeA}/moves`, {
        newParentId: province,
        effectiveDate: '2025-07-01',
      });
      await http.expectStatus(201, `/api/organizations/${communeB}/moves`, {
        newParentId: province,
        effectiveDate: '2025-07-01',
      });
      await http.expectStatus(201, `/api/organizations/${communeA}/mergers`, {
        intoId: communeB,
        effectiveDate: '2025-07-01',
      });
      const after = await http.get(`/api/organizations/${communeB}/counts?asOf=2025-07-01`).expect(200);
      expect(after.body).toMatchObject({ total: 4 });
      expect(after.body.organizations.cell).toBe(2);
      const before = await http.get(`/api/organizations/${communeB}/counts?asOf=2025-06-30`).expect(200);
      expect(before.body.total).toBe(2);
      const districtAfter = await http
        .get(`/api/organizations/${district}/counts?asOf=2025-07-01`)
        .expect(200);
      expect(districtAfter.body.total).toBe(0);
    });

    it('answers as the records stood at knownAt', async () => {
      const before = new Date().toISOString();
      await new Promise((r) => setTimeout(r, 5));
      await register(cellB, 'Võ Văn Em', '2018-01-01', '2019-01-01'); // recorded now, effective years ago
      const now = await http.get(`/api/organizations/${communeB}/counts?asOf=2024-01-01`).expect(200);
      const then = await http
        .get(`/api/organizations/${communeB}/counts?asOf=2024-01-01&knownAt=${encodeURIComponent(before)}`)
        .expect(200);
      expect(now.body.total - then.body.total).toBe(1);
    });

    it('refuses a bad date, a bad instant, and an unknown organization', async () => {
      const bad = await http.get(`/api/organizations/${district}/counts?asOf=2024-02-30`).expect(400);
      expect(bad.body.errors[0].field).toBe('asOf');
      await http.get(`/api/organizations/${district}/counts?knownAt=yesterday`).expect(400);
      await http.get(`/api/organizations/${randomUUID()}/counts`).expect(404);
    });
  });

  describe('GET /api/organizations/:id/roster', () => {
    it('lists the members by name with their cell, paged and filtered by status', async () => {
      const res = await http.get(`/api/organizations/${district}/roster?asOf=2020-06-01&limit=2`).expect(200);
      expect(res.body.total).toBe(5); // with Võ Văn Em, recorded late by the knownAt test
      expect(res.body.items.map((i: { fullName: string }) => i.fullName)).toEqual([
        'Lê Văn Cường',
        'Nguyễn Văn An',
      ]);
      const probationers = await http
        .get(`/api/organizations/${district}/roster?asOf=2020-06-01&status=probationary`)
        .expect(200);
      expect(probationers.body.items).toEqual([
        expect.objectContaining({ fullName: 'Phạm Thị Dung', status: 'probationary', cellId: cellB }),
      ]);
      await http.get(`/api/organizations/${district}/roster?limit=0`).expect(400);
    });
  });

  describe('GET /api/stats/flows', () => {
    it('counts an admission in the period of the tree it happened in, and drills down to its decision', async () => {
      const candidate = await http.expectStatus(201, '/api/members', {
        fullName: 'Hoàng Thị Giang',
        birthDate: '2000-05-10',
        cellId: cellA,
        effectiveDate: '2021-03-01',
      });
      await http.expectStatus(201, `/api/members/${candidate.body.id}/admission`, {
        effectiveDate: '2021-06-15',
        decisionRef: '45-QĐ/ĐU',
        introducerIds: [members[0], members[1]],
      });
      const res = await http
        .get(`/api/stats/flows?organizationId=${district}&from=2021-06-01&to=2024-03-31`)
        .expect(200);
      expect(res.body).toMatchObject({ admitted: 1, madeOfficial: 0, disciplined: { total: 0 } });
      const items = await http
        .get(`/api/stats/flows/items?organizationId=${district}&from=2021-06-01&to=2024-03-31&kind=admitted`)
        .expect(200);
      expect(items.body).toEqual([
        expect.objectContaining({
          memberId: candidate.body.id,
          type: 'MemberAdmitted',
          effectiveDate: '2021-06-15',
          decisionRef: '45-QĐ/ĐU',
        }),
      ]);
      // After the 2025 merger communeA's cell is under communeB, but the admission stays with the district of 2021.
      const communeBFlows = await http
        .get(`/api/stats/flows?organizationId=${communeB}&from=2021-06-01&to=2024-03-31`)
        .expect(200);
      expect(communeBFlows.body.admitted).toBe(0);
    });

    it('refuses a period that ends before it starts, and missing fields', async () => {
      const res = await http
        .get(`/api/stats/flows?organizationId=${district}&from=2024-01-01&to=2023-01-01`)
        .expect(400);
      expect(res.body.errors[0].field).toBe('to');
      const missing = await http.get('/api/stats/flows').expect(400);
      expect(missing.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
        'from',
        'organizationId',
        'to',
      ]);
    });
  });

  describe('GET /api/stats/ratings', () => {
    it('gives counts and shares of a year and whether the excellent quota holds', async () => {
      await http.expectStatus(201, `/api/organizations/${cellB}/assessments`, { year: 2024, rating: 'good' });
      const res = await http.get(`/api/stats/ratings?organizationId=${communeB}&year=2024`).expect(200);
      expect(res.body.organizations).toMatchObject({ good: 1, total: 1, shares: { good: 1 } });
      expect(res.body.excellentQuota).toMatchObject({ denominator: 'goodOrBetter', holds: true });
      await http.get(`/api/stats/ratings?organizationId=${communeB}&year=abc`).expect(400);
    });
  });
});

describe('knownAt is an instant', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  it('refuses a local time without an offset, and reads +07:00 as the same instant as UTC', async () => {
    const http = client(t);
    const org = await http.establish('provincial_committee', undefined, '2000-01-01');
    const res = await http.get(`/api/organizations/${org}/counts?knownAt=2026-11-22T20:15:10`).expect(400);
    expect(res.body.errors[0]).toMatchObject({ field: 'knownAt' });
    const utc = await http
      .get(`/api/organizations/${org}/counts?knownAt=${encodeURIComponent('2030-01-01T00:00:00Z')}`)
      .expect(200);
    const vn = await http
      .get(`/api/organizations/${org}/counts?knownAt=${encodeURIComponent('2030-01-01T07:00:00+07:00')}`)
      .expect(200);
    expect(vn.body).toEqual(utc.body);
  });
});
