import { PendingListSweeps } from '../apps/api/src/commands/pending-list-sweeps';
import { PostgresEventStore } from '../libs/event-store/src/postgres/postgres-event-store';
import { Oracle } from '../libs/projections/src/oracle';
import { client } from './support/http';
import { createTestApp, TestApp } from './support/test-app';

describe('GET /api/stats/meetings', () => {
  let t: TestApp;
  let http: ReturnType<typeof client>;
  let commune: string, cellA: string, cellB: string;

  beforeAll(async () => {
    t = await createTestApp();
    http = client(t);
    const province = await http.establish('provincial_committee', undefined, '2000-01-01');
    commune = await http.establish('base_committee', province, '2000-01-01');
    cellA = await http.establish('cell', commune, '2000-01-01');
    cellB = await http.establish('cell', commune, '2000-01-01');
    const meet = (cell: string, meetingKind: string, heldOn: string, expected: number, present: number) =>
      http.expectStatus(201, `/api/organizations/${cell}/meetings`, {
        meetingKind,
        heldOn,
        expected,
        present,
      });
    for (const month of ['01', '02', '03', '04', '05', '06']) {
      await meet(cellA, 'regular', `2024-${month}-05`, 20, 19);
      if (month !== '04') await meet(cellB, 'regular', `2024-${month}-07`, 10, 8);
    }
    await meet(cellA, 'thematic', '2024-02-20', 20, 18);
    await meet(cellA, 'thematic', '2024-05-20', 20, 18);
    await meet(cellB, 'thematic', '2024-03-20', 10, 9);
  });
  afterAll(() => t.close());

  it('gives the share of cells meeting every month, thematic meetings per quarter, and attendance', async () => {
    const res = await http
      .get(`/api/stats/meetings?organizationId=${commune}&from=2024-01-01&to=2024-06-30`)
      .expect(200);
    expect(res.body).toMatchObject({
      cells: 2,
      months: 6,
      cellsMeetingEveryMonth: 1,
      shareMeetingEveryMonth: 0.5,
      quarters: 2,
      cellsWithThematicEveryQuarter: 1,
      regularMeetings: 11,
      thematicMeetings: 3,
    });
    expect(res.body.attendance).toBeCloseTo(
      (19 * 6 + 8 * 5 + 18 * 2 + 9) / (20 * 6 + 10 * 5 + 20 * 2 + 10),
      10,
    );
    expect(res.body.attendanceAbove85).toBe(true);
  });

  it('answers what the oracle answers, for several periods and organizations', async () => {
    const oracle = new Oracle(await new PostgresEventStore(t.db.pool).readAll(0, 100_000));
    for (const organizationId of [commune, cellA, cellB])
      for (const [from, to] of [
        ['2024-01-01', '2024-06-30'],
        ['2024-02-01', '2024-02-29'],
        ['2023-11-15', '2024-03-31'],
        ['2024-04-01', '2024-12-31'],
      ]) {
        const res = await http
          .get(`/api/stats/meetings?organizationId=${organizationId}&from=${from}&to=${to}`)
          .expect(200);
        expect(res.body).toEqual(await oracle.meetings({ organizationId, from, to }));
      }
  });

  it('refuses a period that ends before it starts', async () => {
    await http.get(`/api/stats/meetings?organizationId=${commune}&from=2024-06-01&to=2024-01-01`).expect(400);
  });

  it('keeps the log’s GIN pending lists short: what the meetings left there is moved by the app’s sweeper', async () => {
    // The sweep at start found an empty log; the meetings recorded since are in the lists.
    const sweeps = t.app.get(PendingListSweeps);
    expect(await sweeps.sweeper.sweep()).toBeGreaterThan(0);
    expect(await sweeps.sweeper.sweep()).toBe(0);
  });
});
