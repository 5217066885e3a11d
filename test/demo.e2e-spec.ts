import { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DemoRefused, runDemo } from '../apps/cli/src/demo/run-demo';
import { PostgresEventStore } from '../libs/event-store/src/postgres/postgres-event-store';
import { createTestDatabase, TestDatabase } from './support/test-database';
import { startApp } from './support/test-app';

/**
 * `ledger demo`: the demo data set loaded into an empty ledger, the read models brought up to date, the
 * published figures checked and printed as curl lines — which the app, started on the same database,
 * answers with those figures.
 */
describe('ledger demo', () => {
  let db: TestDatabase;
  let app: NestFastifyApplication;
  const printed: string[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    await runDemo(db.pool, new PostgresEventStore(db.pool), { out: (line) => printed.push(line) });
    app = await startApp(db.url);
  }, 60_000);

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  /** The path of the printed curl line that asks `question`. */
  const asked = (question: RegExp): string => {
    const line = printed.find((l) => l.startsWith('curl ') && question.test(l));
    if (!line) throw new Error(`No curl line for ${question} in:\n${printed.join('\n')}`);
    return /curl 'http:\/\/localhost:3000(\/[^']+)'/.exec(line)![1];
  };

  it('prints the figures it checked through the read models', () => {
    expect(printed.join('\n')).toMatch(/Huyện Sơn Dương, admitted 2021-06-01 to 2024-03-31: 699/);
    expect(printed.join('\n')).toMatch(/Huyện Sơn Dương, disciplined 2021-06-01 to 2024-03-31: 175/);
    expect(printed.join('\n')).toMatch(/Xã Thanh Ba, members on 2025-07-01: 2,551/);
    expect(printed.join('\n')).toMatch(/Xã Na Khê, members rated for 2023: 45 excellent, 199 good/);
  });

  it('prints curl lines the app answers with 699 admitted and 175 disciplined in Huyện Sơn Dương', async () => {
    const res = await request(app.getHttpServer())
      .get(asked(/stats\/flows\?/))
      .expect(200);
    expect(res.body).toMatchObject({ from: '2021-06-01', to: '2024-03-31', admitted: 699 });
    expect(res.body.disciplined.total).toBe(175);
  });

  it('… with 2,551 members and 84 sub-organizations in Xã Thanh Ba on 1 July 2025', async () => {
    const res = await request(app.getHttpServer())
      .get(asked(/\/counts\?asOf=2025-07-01/))
      .expect(200);
    expect(res.body.total).toBe(2551);
    expect(Object.values(res.body.organizations as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(
      84,
    );
  });

  it("… with Xã Na Khê's 2023 ratings, the quota holding over good-or-better and failing over good", async () => {
    const ratings = await request(app.getHttpServer())
      .get(asked(/year=2023'$/))
      .expect(200);
    expect(ratings.body.organizations).toMatchObject({
      excellent: 3,
      good: 12,
      completed: 0,
      not_completed: 0,
    });
    expect(ratings.body.members).toMatchObject({ excellent: 45, good: 199, completed: 0, not_completed: 0 });
    expect(ratings.body.excellentQuota).toMatchObject({ limit: 48, holds: true });
    const byGood = await request(app.getHttpServer())
      .get(asked(/quotaDenominator=good'$/))
      .expect(200);
    expect(byGood.body.excellentQuota).toMatchObject({ limit: 39, holds: false });
  });

  it('refuses to load a second time into the ledger, writing nothing', async () => {
    const size = async () =>
      Number((await db.pool.query('SELECT count(*) AS n FROM ledger_events')).rows[0].n);
    const before = await size();
    await expect(
      runDemo(db.pool, new PostgresEventStore(db.pool), { out: () => undefined }),
    ).rejects.toBeInstanceOf(DemoRefused);
    expect(await size()).toBe(before);
  });
});
