import { PostgresEventStore } from '../libs/event-store/src/postgres/postgres-event-store';
import { Oracle } from '../libs/projections/src/oracle';
import { client } from './support/http';
import { createTestApp, TestApp } from './support/test-app';

describe('GET /api/discipline-cases (list over a subtree)', () => {
  let t: TestApp;
  let http: ReturnType<typeof client>;
  let district: string, communeA: string, communeB: string, cellA: string, cellB: string;
  let beforeDecision: string;
  const cases: Record<string, string> = {};

  const official = async (cellId: string, fullName: string) =>
    (
      await http.expectStatus(201, '/api/members/existing', {
        fullName,
        birthDate: '1970-01-15',
        cellId,
        admittedOn: '1995-05-19',
        officialOn: '1996-05-19',
        effectiveDate: '2020-01-01',
      })
    ).body.id as string;
  const open = async (name: string, subject: object, openedBy: string, effectiveDate: string) => {
    cases[name] = (
      await http.expectStatus(201, '/api/discipline-cases', {
        ...subject,
        openedBy,
        openedByKind: 'inspection_committee',
        allegation: 'Vi phạm quy định',
        violationDate: '2022-06-01',
        effectiveDate,
      })
    ).body.id;
  };

  beforeAll(async () => {
    t = await createTestApp();
    http = client(t);
    const province = await http.establish('provincial_committee', undefined, '2010-01-01');
    district = await http.establish('district_committee', province, '2010-01-01');
    communeA = await http.establish('base_committee', district, '2015-01-01');
    communeB = await http.establish('base_committee', district, '2015-01-01');
    cellA = await http.establish('cell', communeA, '2015-02-01');
    cellB = await http.establish('cell', communeB, '2015-02-01');
    const an = await official(cellA, 'Lê Văn An');
    const binh = await official(cellB, 'Phạm Thị Bình');
    await open('an', { memberId: an }, communeA, '2023-01-10');
    await open('binh', { memberId: binh }, communeB, '2023-05-10');
    await open('cell', { organizationId: cellB }, district, '2023-07-01');
    await open('late', { memberId: an }, communeA, '2024-02-01');
    beforeDecision = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 5));
    await http.expectStatus(201, `/api/discipline-cases/${cases.an}/decision`, {
      form: 'warning',
      decidedBy: communeA,
      decidedByKind: 'inspection_committee',
      decisionRef: '12-QĐ/UBKT',
      effectiveDate: '2023-03-01',
    });
  });
  afterAll(() => t.close());

  const list = async (org: string, from: string, to: string, extra = '') =>
    (await http.get(`/api/discipline-cases?organizationId=${org}&from=${from}&to=${to}${extra}`).expect(200))
      .body as {
      caseId: string;
      status: string;
      form: string | null;
      decisionRef: string | null;
    }[];

  it('lists the cases opened in the period about members and organizations of the subtree, with status and form', async () => {
    const all = await list(district, '2023-01-01', '2023-12-31');
    expect(all.map((c) => c.caseId)).toEqual([cases.an, cases.binh, cases.cell]);
    expect(all[0]).toMatchObject({ status: 'decided', form: 'warning', decisionRef: '12-QĐ/UBKT' });
    expect((await list(communeA, '2023-01-01', '2023-12-31')).map((c) => c.caseId)).toEqual([cases.an]);
    expect((await list(communeB, '2023-01-01', '2023-12-31')).map((c) => c.caseId)).toEqual([
      cases.binh,
      cases.cell,
    ]);
  });

  it('filters by status on `to`, and reads what was recorded at knownAt', async () => {
    expect((await list(district, '2023-01-01', '2023-12-31', '&status=open')).map((c) => c.caseId)).toEqual([
      cases.binh,
      cases.cell,
    ]);
    expect((await list(district, '2023-01-01', '2023-02-15')).map((c) => c.status)).toEqual(['open']);
    const then = await list(
      district,
      '2023-01-01',
      '2023-12-31',
      `&knownAt=${encodeURIComponent(beforeDecision)}`,
    );
    expect(then[0]).toMatchObject({ caseId: cases.an, status: 'open', form: null });
  });

  it('answers what the oracle answers', async () => {
    const oracle = new Oracle(await new PostgresEventStore(t.db.pool).readAll(0, 100_000));
    for (const organizationId of [district, communeA, communeB, cellA, cellB])
      for (const [from, to] of [
        ['2023-01-01', '2023-12-31'],
        ['2023-01-01', '2023-02-15'],
        ['2022-01-01', '2024-12-31'],
      ])
        for (const knownAt of [undefined, beforeDecision]) {
          const query = `${knownAt ? `&knownAt=${encodeURIComponent(knownAt)}` : ''}`;
          expect(await list(organizationId, from, to, query)).toEqual(
            await oracle.cases({ organizationId, from, to, knownAt }),
          );
        }
  });

  it('refuses a malformed query', async () => {
    await http
      .get(`/api/discipline-cases?organizationId=${district}&from=2023-01-01&to=2022-01-01`)
      .expect(400);
    await http
      .get(`/api/discipline-cases?organizationId=${district}&from=2023-01-01&to=2023-12-31&status=pending`)
      .expect(400);
  });
});
