import { randomUUID } from 'node:crypto';
import { client } from './support/http';
import { createTestApp, TestApp } from './support/test-app';

describe('POST /api/corrections', () => {
  let t: TestApp;
  let http: ReturnType<typeof client>;
  let commune: string, cellA: string, cellB: string, member: string;
  const eventOf = async (memberId: string, type: string) =>
    (
      (await http.get(`/api/members/${memberId}/history`).expect(200)).body as {
        type: string;
        eventId: string;
      }[]
    ).find((e) => e.type === type)!.eventId;

  beforeAll(async () => {
    t = await createTestApp();
    http = client(t);
    const province = await http.establish('provincial_committee', undefined, '2000-01-01');
    commune = await http.establish('base_committee', province, '2000-01-01');
    cellA = await http.establish('cell', commune, '2000-01-01');
    cellB = await http.establish('cell', commune, '2000-01-01');
    const introducers: string[] = [];
    for (const name of ['Đỗ Văn Một', 'Đỗ Văn Hai']) {
      const res = await http.expectStatus(201, '/api/members/existing', {
        fullName: name,
        birthDate: '1970-01-01',
        cellId: cellA,
        admittedOn: '2000-01-01',
        officialOn: '2001-01-01',
        effectiveDate: '2001-01-01',
      });
      introducers.push(res.body.id);
    }
    member = (
      await http.expectStatus(201, '/api/members', {
        fullName: 'Bùi Thị Sáu',
        birthDate: '1999-09-09',
        cellId: cellA,
        effectiveDate: '2021-03-01',
      })
    ).body.id;
    await http.expectStatus(201, `/api/members/${member}/admission`, {
      effectiveDate: '2021-06-15',
      decisionRef: '45-QĐ/ĐU',
      introducerIds: introducers,
    });
  });
  afterAll(() => t.close());

  const count = async (cell: string, knownAt?: string) =>
    (
      await http
        .get(
          `/api/organizations/${cell}/counts?asOf=2022-01-01${knownAt ? `&knownAt=${encodeURIComponent(knownAt)}` : ''}`,
        )
        .expect(200)
    ).body.total;

  it('corrects the cell of an admission: known after, the member counts in the right cell; known before, as recorded', async () => {
    expect([await count(cellA), await count(cellB)]).toEqual([3, 0]);
    const before = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 5));
    const admission = await eventOf(member, 'MemberAdmitted');
    await http.expectStatus(201, '/api/corrections', {
      eventId: admission,
      changes: { cellId: cellB },
      reason: 'Nhập nhầm chi bộ',
    });
    expect([await count(cellA), await count(cellB)]).toEqual([2, 1]);
    expect([await count(cellA, before), await count(cellB, before)]).toEqual([3, 0]);
    const history = (await http.get(`/api/members/${member}/history`).expect(200)).body;
    expect(history[history.length - 1]).toMatchObject({
      type: 'RecordCorrected',
      data: { correctedEventId: admission, reason: 'Nhập nhầm chi bộ' },
    });
    expect((await http.get(`/api/members/${member}`).expect(200)).body.cellId).toBe(cellB);
  });

  it('corrects an effective date, moving the admission out of a period', async () => {
    const flows = async () =>
      (await http.get(`/api/stats/flows?organizationId=${commune}&from=2021-06-01&to=2021-06-30`).expect(200))
        .body.admitted;
    expect(await flows()).toBe(1);
    await http.expectStatus(201, '/api/corrections', {
      eventId: await eventOf(member, 'MemberAdmitted'),
      effectiveDate: '2021-07-01',
      reason: 'Ngày kết nạp theo quyết định',
    });
    expect(await flows()).toBe(0);
  });

  it('retracts an event recorded by mistake', async () => {
    await http.expectStatus(201, `/api/organizations/${cellA}/assessments`, {
      year: 2024,
      rating: 'excellent',
    });
    const ratings = async () =>
      (await http.get(`/api/stats/ratings?organizationId=${commune}&year=2024`).expect(200)).body
        .organizations.total;
    expect(await ratings()).toBe(1);
    const assessed = (
      (await http.get(`/api/organizations/${cellA}/history`).expect(200)).body as {
        type: string;
        eventId: string;
      }[]
    ).find((e) => e.type === 'OrganizationAssessed')!;
    await http.expectStatus(201, '/api/corrections', {
      eventId: assessed.eventId,
      retract: true,
      reason: 'Ghi nhầm chi bộ',
    });
    expect(await ratings()).toBe(0);
  });

  it('refuses to change who an event is about, an unknown event and a malformed body, changing nothing', async () => {
    const admission = await eventOf(member, 'MemberAdmitted');
    const refused = await http.expectStatus(422, '/api/corrections', {
      eventId: admission,
      changes: { memberId: randomUUID() },
      reason: 'x',
    });
    expect(refused.body.ruleId).toBe('CORRECTION-FIELDS');
    await http.expectStatus(404, '/api/corrections', { eventId: randomUUID(), retract: true, reason: 'x' });
    const bad = await http.expectStatus(400, '/api/corrections', {
      eventId: 'nope',
      effectiveDate: '2021-02-30',
      reason: '',
    });
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'effectiveDate',
      'eventId',
      'reason',
    ]);
  });
});
