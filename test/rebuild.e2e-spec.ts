import { Client } from 'pg';
import { PostgresEventStore } from '../libs/event-store/src/postgres/postgres-event-store';
import { rebuildReadModels } from '../libs/projections/src/rebuild';
import { client } from './support/http';
import { dumpReadModels } from './support/read-model-dump';
import { createTestApp, TestApp } from './support/test-app';

describe('rebuilding the read models', () => {
  let t: TestApp;
  let http: ReturnType<typeof client>;
  let district: string;

  beforeAll(async () => {
    t = await createTestApp();
    http = client(t);
    const province = await http.establish('provincial_committee', undefined, '2000-01-01');
    district = await http.establish('district_committee', province, '2000-01-01');
    const communes = [
      await http.establish('base_committee', district, '2000-01-01'),
      await http.establish('base_committee', district, '2000-01-01'),
    ];
    const cells = [
      await http.establish('cell', communes[0], '2000-01-01'),
      await http.establish('cell', communes[1], '2000-01-01'),
    ];
    for (let i = 0; i < 12; i++) {
      await http.expectStatus(201, '/api/members/existing', {
        fullName: `Đảng viên ${i}`,
        birthDate: '1975-01-01',
        cellId: cells[i % 2],
        admittedOn: '2005-01-01',
        officialOn: '2006-01-01',
        effectiveDate: `200${6 + (i % 3)}-01-01`,
      });
    }
    await http.expectStatus(201, `/api/organizations/${cells[0]}/assessments`, {
      year: 2024,
      rating: 'good',
    });
    for (const c of communes)
      await http.expectStatus(201, `/api/organizations/${c}/moves`, {
        newParentId: province,
        effectiveDate: '2025-07-01',
      });
    await http.expectStatus(201, `/api/organizations/${communes[0]}/mergers`, {
      intoId: communes[1],
      effectiveDate: '2025-07-01',
    });
    await http.get(`/api/organizations/${district}/counts`).expect(200); // the projector has caught up
  });
  afterAll(() => t.close());

  /** Every index of the read-model tables, by definition (a rebuild's copies have generated names). */
  const indexDefinitions = async () =>
    (
      await t.db.pool.query<{ def: string }>(
        `SELECT regexp_replace(indexdef, '^CREATE (UNIQUE )?INDEX \\S+ ', 'CREATE \\1INDEX ') AS def
           FROM pg_indexes WHERE schemaname = current_schema() AND tablename LIKE 'rm\\_%' ORDER BY 1`,
      )
    ).rows.map((r) => r.def);

  it('produces tables identical to the incrementally built ones, and keeps answering during the swap', async () => {
    const before = await dumpReadModels(t.db.pool);
    expect(before.rm_member_timeline.length).toBeGreaterThan(0);
    const answers: number[] = [];
    let querying = true;
    const queries = (async () => {
      while (querying) {
        const res = await http.get(`/api/organizations/${district}/counts?asOf=2020-01-01`);
        expect(res.status).toBe(200);
        answers.push(res.body.total);
      }
    })();
    const indexesBefore = await indexDefinitions();
    await rebuildReadModels(t.db.pool, new PostgresEventStore(t.db.pool), { batchSize: 7 });
    querying = false;
    await queries;
    expect(await dumpReadModels(t.db.pool)).toEqual(before);
    // Most indexes are built after the replay: the swapped-in tables have every one of them.
    expect(await indexDefinitions()).toEqual(indexesBefore);
    expect(indexesBefore.length).toBeGreaterThan(15);
    expect(new Set(answers)).toEqual(new Set([12]));
  });

  it('includes commands recorded while it ran', async () => {
    const store = new PostgresEventStore(t.db.pool);
    const rebuilding = rebuildReadModels(t.db.pool, store, { batchSize: 5 });
    const org = await http.establish('base_committee', district);
    await rebuilding;
    const res = await http.get(`/api/organizations/${district}/counts`).expect(200);
    expect(res.body.organizations.base_committee).toBeGreaterThanOrEqual(1);
    expect((await t.db.pool.query('SELECT 1 FROM rm_org_timeline WHERE org_id = $1', [org])).rowCount).toBe(
      1,
    );
  });

  it('fails whole when one of its two parts fails, the live tables left serving as they were', async () => {
    const before = await dumpReadModels(t.db.pool);
    // Under ts-jest the thread finds no compiled worker and fails at once: the other part, in
    // this process, must stop and the rebuild report the error without swapping anything in.
    await expect(
      rebuildReadModels(t.db.pool, new PostgresEventStore(t.db.pool), {
        parts: { thread: t.db.url },
        pageSize: 3,
      }),
    ).rejects.toThrow();
    expect(await dumpReadModels(t.db.pool)).toEqual(before);
    await http.get(`/api/organizations/${district}/counts`).expect(200);
  });

  it('backs off rather than deadlock a reader that holds one table and then reads another', async () => {
    const reader = new Client({ connectionString: t.db.url });
    await reader.connect();
    try {
      await reader.query('BEGIN');
      await reader.query('SELECT count(*) FROM rm_member_timeline'); // held until COMMIT
      const rebuilding = rebuildReadModels(t.db.pool, new PostgresEventStore(t.db.pool));
      await new Promise((r) => setTimeout(r, 1500)); // the swap is waiting for rm_member_timeline, or retrying
      await reader.query('SELECT count(*) FROM rm_org_closure'); // a waiting swap holding this would deadlock
      await reader.query('COMMIT');
      await rebuilding;
    } finally {
      await reader.end();
    }
    await http.get(`/api/organizations/${district}/counts`).expect(200);
  });
});
