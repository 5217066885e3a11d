import request from 'supertest';
import { createTestApp, TestApp } from './support/test-app';

// First in this file: a warning is emitted once per module instance, and each test file has its own.
describe('starting the app', () => {
  it('emits no warning (Fastify 5 deprecates router settings given outside routerOptions, FSTDEP022)', async () => {
    const emitted = jest.spyOn(process, 'emitWarning');
    const t = await createTestApp();
    try {
      expect(emitted.mock.calls.map(([warning]) => String(warning))).toEqual([]);
    } finally {
      emitted.mockRestore();
      await t.close();
    }
  });
});

describe('GET /health', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  it('answers 200 with the database up, the log position, and the organizations folded at start', async () => {
    // The organizations are folded in the background once the app has started (WarmStart).
    let res = await request(t.app.getHttpServer()).get('/health').expect(200);
    for (let i = 0; i < 50 && res.body.warmStart.state === 'folding'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      res = await request(t.app.getHttpServer()).get('/health').expect(200);
    }
    expect(res.body).toEqual({
      status: 'ok',
      database: 'up',
      logPosition: 0,
      projections: { ledger: { position: 0, lag: 0 } },
      warmStart: { state: 'done', organizations: 0 },
    });
  });

  it('documents the API at /docs', async () => {
    await request(t.app.getHttpServer()).get('/docs').expect(200);
    const spec = await request(t.app.getHttpServer()).get('/docs-json').expect(200);
    expect(spec.body.paths['/health']).toBeDefined();
  });

  it('answers an unknown route with application/problem+json', async () => {
    const res = await request(t.app.getHttpServer()).get('/api/nowhere').expect(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 404, title: 'Not found', instance: '/api/nowhere' });
  });
});
