import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import { establishOrganization, initialOrganizationState, organizationStream } from '../libs/domain/src';
import { PostgresEventStore } from '../libs/event-store/src/postgres/postgres-event-store';
import { ProjectionThread } from '../libs/projections/src/projection-thread';
import { createTestDatabase, TestDatabase } from './support/test-database';
import { freePort } from './support/free-port';

const BUILT_WORKER = join(
  __dirname,
  '..',
  'dist',
  'libs',
  'projections',
  'src',
  'projection-thread.worker.js',
);

const MAIN = join(__dirname, '..', 'dist', 'apps', 'api', 'src', 'main.js');

/** The built app (what `npm start` runs): its projector runs on a thread of its own (ProjectionThread). */
async function startApp(
  db: TestDatabase,
  port: number,
): Promise<{ child: ChildProcess; output: () => string }> {
  const child = spawn(process.execPath, [MAIN], {
    env: { ...process.env, DATABASE_URL: db.url, PORT: String(port) },
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  for (
    const deadline = Date.now() + 60_000;
    Date.now() < deadline;
    await new Promise((r) => setTimeout(r, 100))
  ) {
    if (child.exitCode !== null) throw new Error(`the app exited: ${output}`);
    const up = await fetch(`http://127.0.0.1:${port}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return { child, output: () => output };
  }
  child.kill('SIGKILL');
  throw new Error(`the app did not start: ${output}`);
}

describe('the built app: the live projector on a thread of its own', () => {
  let db: TestDatabase;
  let app: { child: ChildProcess; output: () => string } | undefined;
  let base: string;
  const post = async (path: string, body: object) => {
    const res = await fetch(`${base}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const json = (await res.json()) as { id: string };
    if (res.status !== 201) throw new Error(`${path}: ${res.status} ${JSON.stringify(json)}`);
    return json.id;
  };
  const get = async <T>(path: string): Promise<T> => {
    const res = await fetch(`${base}${path}`);
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
  const stop = async () => {
    const exited = new Promise<number | null>((r) => app!.child.once('exit', r));
    app!.child.kill('SIGTERM');
    return exited;
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    app = await startApp(db, port);
  });
  afterAll(async () => {
    if (app?.child.exitCode === null) app.child.kill('SIGKILL');
    await db.drop();
  });

  it('answers every query after a command with that command in it (read-your-writes), then stops cleanly and resumes', async () => {
    expect(app!.output()).toMatch(/Projector ledger follows the log from position 0 on a thread of its own/);
    const establish = (kind: string, parentId?: string) =>
      post('/api/organizations', { name: kind, kind, parentId, effectiveDate: '2000-01-01' });
    const province = await establish('provincial_committee');
    const commune = await establish('base_committee', province);
    const cell = await establish('cell', commune);
    const register = (n: number) =>
      post('/api/members/existing', {
        fullName: `Member ${n}`,
        birthDate: '1980-01-01',
        cellId: cell,
        admittedOn: '2010-05-01',
        officialOn: '2011-05-01',
        effectiveDate: '2011-05-01',
      });
    const total = async () =>
      (await get<{ total: number }>(`/api/organizations/${province}/counts?asOf=2020-01-01`)).total;
    // Each query right after its command's answer: the thread must have projected it by then.
    for (let n = 1; n <= 12; n++) {
      await register(n);
      expect(await total()).toBe(n);
    }
    // A burst from 16 clients at once (written in groups), then one query.
    await Promise.all(Array.from({ length: 16 }, (_, i) => register(100 + i)));
    expect(await total()).toBe(28);
    const health = await get<{
      logPosition: number;
      projections: { ledger: { position: number; lag: number } };
    }>('/health');
    expect(health.projections.ledger).toEqual({ position: health.logPosition, lag: 0 });

    // SIGTERM: the thread is stopped with the app, which exits on its own.
    expect(await stop()).toBe(0);
    expect(app!.output()).not.toMatch(/projection thread (failed|exited|could not)/);
    // Started again, it resumes at its checkpoint (the position it starts from), the counts as they were.
    app = await startApp(db, Number(new URL(base).port));
    expect(app.output()).toMatch(
      new RegExp(`follows the log from position ${health.logPosition} on a thread of its own`),
    );
    expect(await total()).toBe(28);
    // And it folded the three organizations at start (WarmStart): a command on one is answered.
    let warmStart = { state: 'folding', organizations: 0 };
    for (
      let i = 0;
      i < 50 && warmStart.state === 'folding';
      i++, await new Promise((r) => setTimeout(r, 100))
    )
      ({ warmStart } = await get<{ warmStart: typeof warmStart }>('/health'));
    expect(warmStart).toEqual({ state: 'done', organizations: 3 });
    await post(`/api/organizations/${cell}/meetings`, {
      meetingKind: 'regular',
      heldOn: '2025-03-14',
      expected: 28,
      present: 27,
    });
    expect(await stop()).toBe(0);
  });
});

describe('ProjectionThread whose thread dies', () => {
  it('starts it again, and the read models catch up from their checkpoint', async () => {
    const db = await createTestDatabase();
    const store = new PostgresEventStore(db.pool);
    const logs: string[] = [];
    const thread = new ProjectionThread(db.url, store, (m) => logs.push(m), BUILT_WORKER);
    const establish = async () => {
      const id = randomUUID();
      const events = establishOrganization(
        {
          organizationId: id,
          name: 'Tỉnh ủy',
          kind: 'provincial_committee',
          parentId: null,
          effectiveDate: '2000-01-01',
        },
        initialOrganizationState,
        { parent: null as never },
      );
      await store.append(organizationStream(id), 'no_stream', events);
    };
    const organizations = async () =>
      Number((await db.pool.query('SELECT count(DISTINCT org_id) AS n FROM rm_org_timeline')).rows[0].n);
    try {
      await thread.start();
      await establish();
      expect(await thread.waitForHead(10_000)).toBe(true);
      const before = thread.position;
      // The thread ended from outside, as a crash would end it (reached through its private field).
      await (thread as unknown as { thread: Worker }).thread.terminate();
      await establish();
      expect(await thread.waitForHead(20_000)).toBe(true);
      expect(thread.position).toBeGreaterThan(before);
      expect(logs.join('\n')).toMatch(/projection thread exited \(code 1\); starting it again/);
      expect(await organizations()).toBe(2);
    } finally {
      await thread.stop();
      await db.drop();
    }
  });
});

describe('ProjectionThread whose runner gathers appends (lingerMs)', () => {
  it('is told to hurry when a query waits: waitForHead is answered at once, not after the linger', async () => {
    const db = await createTestDatabase();
    const store = new PostgresEventStore(db.pool);
    const thread = new ProjectionThread(db.url, store, () => undefined, BUILT_WORKER, 60_000);
    const append = (n: number) =>
      store.append(`s-${n}`, 'no_stream', [{ type: 'A', data: {}, effectiveDate: '2024-01-01' }]);
    try {
      await thread.start();
      await append(1);
      // Applied at once (the thread was idle), then the thread lingers for a minute.
      for (let i = 0; i < 200 && thread.position < 1; i++) await new Promise((r) => setTimeout(r, 50));
      expect(thread.position).toBe(1);
      await append(2);
      // Lingering: not applied yet …
      await new Promise((r) => setTimeout(r, 300));
      expect(thread.position).toBe(1);
      // … until a query waits for it.
      expect(await thread.waitForHead(5_000)).toBe(true);
      expect(thread.position).toBe(2);
    } finally {
      await thread.stop();
      await db.drop();
    }
  });
});
