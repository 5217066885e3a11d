import { randomUUID } from 'node:crypto';
import { client } from './support/http';
import { createTestApp, TestApp } from './support/test-app';

interface Listed {
  memberId: string;
}

const ids = (items: Listed[]) => items.map((i) => i.memberId);

/**
 * A commune with two cells, and a neighbouring commune; a probationer, a member on an official
 * transfer and a veteran, each written through the API.
 */
describe('GET /api/organizations/:id/worklist', () => {
  let t: TestApp;
  let http: ReturnType<typeof client>;
  let commune: string, neighbour: string, cellA: string, cellB: string, cellC: string;
  let introducers: string[];

  const worklist = (orgId: string, query: string) =>
    http.get(`/api/organizations/${orgId}/worklist?${query}`).expect(200);

  const registered = async (cellId: string, fullName: string, admittedOn: string, officialOn: string) =>
    (
      await http.expectStatus(201, '/api/members/existing', {
        fullName,
        birthDate: '1965-03-01',
        cellId,
        admittedOn,
        officialOn,
        effectiveDate: '2020-01-01',
      })
    ).body.id as string;

  beforeAll(async () => {
    t = await createTestApp();
    http = client(t);
    const province = await http.establish('provincial_committee', undefined, '2010-01-01');
    const district = await http.establish('district_committee', province, '2010-01-01');
    commune = await http.establish('base_committee', district, '2015-01-01');
    neighbour = await http.establish('base_committee', district, '2015-01-01');
    cellA = await http.establish('cell', commune, '2015-02-01');
    cellB = await http.establish('cell', commune, '2015-02-01');
    cellC = await http.establish('cell', neighbour, '2015-02-01');
    // Three official members, so that the cell can vote recognition (PRB-7).
    introducers = [
      await registered(cellA, 'Trần Văn Bình', '2010-05-19', '2011-05-19'),
      await registered(cellA, 'Lê Thị Mai', '2011-05-19', '2012-05-19'),
      await registered(cellA, 'Phạm Văn Đức', '2012-05-19', '2013-05-19'),
    ];
  });
  afterAll(() => t.close());

  describe('probationers past their 12 months (PRB-1, PRB-3)', () => {
    let hoa: string;

    beforeAll(async () => {
      hoa = (
        await http.expectStatus(201, '/api/members', {
          fullName: 'Nguyễn Thị Hoa',
          birthDate: '2000-05-10',
          cellId: cellA,
          effectiveDate: '2022-10-01',
        })
      ).body.id as string;
      await http.expectStatus(201, `/api/members/${hoa}/admission`, {
        effectiveDate: '2023-01-10',
        decisionDate: '2023-01-05',
        decisionRef: '45-QĐ/ĐU',
        introducerIds: introducers.slice(0, 2),
      });
    });

    it('lists a probationer admitted 2023-01-10 on 2024-02-01, but not on 2023-12-01', async () => {
      const before = await worklist(commune, 'asOf=2023-12-01');
      expect(ids(before.body.probationOverdue)).not.toContain(hoa);
      const after = await worklist(commune, 'asOf=2024-02-01');
      expect(after.body).toMatchObject({ organizationId: commune, asOf: '2024-02-01' });
      expect(after.body.probationOverdue).toEqual([
        {
          memberId: hoa,
          fullName: 'Nguyễn Thị Hoa',
          cellId: cellA,
          ceremonyDate: '2023-01-10',
          probationEnded: '2024-01-10',
          cellVoteDueBy: '2024-02-21',
        },
      ]);
    });

    it('drops her once recognised, and still lists her as the records stood before (PRB-4)', async () => {
      const knownBefore = new Date().toISOString();
      await new Promise((r) => setTimeout(r, 5));
      await http.expectStatus(201, `/api/members/${hoa}/official-recognition`, {
        effectiveDate: '2024-03-01',
        decisionRef: '78-QĐ/ĐU',
      });
      const now = await worklist(commune, 'asOf=2024-02-01');
      expect(ids(now.body.probationOverdue)).not.toContain(hoa);
      const then = await worklist(commune, `asOf=2024-02-01&knownAt=${encodeURIComponent(knownBefore)}`);
      expect(ids(then.body.probationOverdue)).toEqual([hoa]);
    });
  });

  describe('official transfers not presented within 30 working days (TRF-4)', () => {
    let son: string;
    let transferId: string;

    beforeAll(async () => {
      son = await registered(cellB, 'Đỗ Văn Sơn', '2005-04-01', '2006-04-01');
      transferId = (
        await http.expectStatus(201, `/api/members/${son}/transfers`, {
          toCellId: cellC,
          kind: 'official',
          effectiveDate: '2025-03-03',
        })
      ).body.transferId as string;
    });

    it('lists the member, counted in no roster (TRF-7), for the sending and the receiving commune once overdue', async () => {
      const onTime = await worklist(commune, 'asOf=2025-04-14');
      expect(ids(onTime.body.transfersOverdue)).not.toContain(son);
      const expected = {
        memberId: son,
        fullName: 'Đỗ Văn Sơn',
        transferId,
        fromCellId: cellB,
        toCellId: cellC,
        startedOn: '2025-03-03',
        dueBy: '2025-04-14',
      };
      const late = await worklist(commune, 'asOf=2025-04-15');
      expect(late.body.transfersOverdue).toEqual([expected]);
      const receiving = await worklist(neighbour, 'asOf=2025-04-15');
      expect(receiving.body.transfersOverdue).toEqual([expected]);
      const roster = await http.get(`/api/organizations/${commune}/roster?asOf=2025-04-15`).expect(200);
      expect(ids(roster.body.items)).not.toContain(son);
    });

    it('drops the member once arrived', async () => {
      await http.expectStatus(201, `/api/members/${son}/transfers/${transferId}/arrival`, {
        effectiveDate: '2025-05-05',
        lateReason: 'Chờ quyết định nghỉ hưu',
      });
      const after = await worklist(neighbour, 'asOf=2025-05-06');
      expect(ids(after.body.transfersOverdue)).not.toContain(son);
      const meanwhile = await worklist(neighbour, 'asOf=2025-04-15');
      expect(ids(meanwhile.body.transfersOverdue)).toEqual([son]);
    });
  });

  describe('badges coming due (AGE-5)', () => {
    let lan: string;

    beforeAll(async () => {
      lan = await registered(cellB, 'Vũ Thị Lan', '1995-08-19', '1996-08-19');
    });

    it('lists the 30-year badge of a member admitted in 1995 as due in 2025', async () => {
      const res = await worklist(commune, 'asOf=2025-01-01&badgeHorizonMonths=12');
      expect(res.body.badgesComingDue).toEqual([
        { memberId: lan, fullName: 'Vũ Thị Lan', cellId: cellB, level: 30, dueOn: '2025-08-19' },
      ]);
      const shortHorizon = await worklist(commune, 'asOf=2025-01-01&badgeHorizonMonths=6');
      expect(shortHorizon.body.badgesComingDue).toEqual([]);
    });

    it('drops the badge once awarded', async () => {
      await http.expectStatus(201, `/api/members/${lan}/badges`, {
        years: 30,
        effectiveDate: '2025-09-02',
        decisionRef: '900-QĐ/TU',
      });
      const res = await worklist(commune, 'asOf=2025-09-02');
      expect(ids(res.body.badgesComingDue)).not.toContain(lan);
    });
  });

  describe('refusals', () => {
    it('answers 400 for a date that is not on the calendar, a bad instant or horizon', async () => {
      const bad = await http.get(`/api/organizations/${commune}/worklist?asOf=2024-02-30`).expect(400);
      expect(bad.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['asOf']);
      await http.get(`/api/organizations/${commune}/worklist?knownAt=yesterday`).expect(400);
      await http.get(`/api/organizations/${commune}/worklist?badgeHorizonMonths=-1`).expect(400);
      await http.get('/api/organizations/not-a-uuid/worklist').expect(400);
    });

    it('answers 404 for an unknown organization', async () => {
      const res = await http.get(`/api/organizations/${randomUUID()}/worklist`).expect(404);
      expect(res.body.entity).toBe('organization');
    });
  });
});
