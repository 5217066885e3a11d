import { ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import {
  assessMember,
  establishOrganization,
  evolveMember,
  initialMemberState,
  initialOrganizationState,
  memberStream,
  organizationStream,
  registerExistingMember,
} from '../libs/domain/src';
import { PostgresEventStore } from '../libs/event-store/src/postgres/postgres-event-store';
import { StreamAppend } from '../libs/event-store/src/envelope';
import { rebuildReadModels } from '../libs/projections/src/rebuild';
import { dumpReadModels } from './support/read-model-dump';
import { createTestDatabase, TestDatabase } from './support/test-database';
import { freePort } from './support/free-port';

const MAIN = join(__dirname, '..', 'dist', 'apps', 'api', 'src', 'main.js');

const health = async (
  port: number,
): Promise<{ logPosition: number; projections: { ledger: { position: number } } } | undefined> =>
  fetch(`http://127.0.0.1:${port}/health`).then(
    (r) => (r.ok ? (r.json() as Promise<never>) : undefined),
    () => undefined,
  );

/** A valid history written straight to the store through the domain's decisions: ~3,000 events. */
async function seed(store: PostgresEventStore): Promise<void> {
  const province = randomUUID();
  const commune = randomUUID();
  const establish = (
    id: string,
    kind: 'provincial_committee' | 'base_committee' | 'cell',
    parentId: string | null,
    parent: unknown,
  ) =>
    establishOrganization(
      { organizationId: id, name: kind, kind, parentId, effectiveDate: '2000-01-01' },
      initialOrganizationState,
      {
        parent: parent as never,
      },
    );
  const provinceEvents = establish(province, 'provincial_committee', null, null);
  await store.append(organizationStream(province), 'no_stream', provinceEvents);
  const communeEvents = establish(commune, 'base_committee', province, {
    status: 'active',
    id: province,
    kind: 'provincial_committee',
    establishedOn: '2000-01-01',
  });
  await store.append(organizationStream(commune), 'no_stream', communeEvents);
  const cells = Array.from({ length: 10 }, () => randomUUID());
  for (const cell of cells) {
    const events = establish(cell, 'cell', commune, {
      status: 'active',
      id: commune,
      kind: 'base_committee',
      establishedOn: '2000-01-01',
    });
    await store.append(organizationStream(cell), 'no_stream', events);
  }
  for (let chunk = 0; chunk < 20; chunk++) {
    const appends: StreamAppend[] = [];
    for (let i = 0; i < 50; i++) {
      const memberId = randomUUID();
      const cellId = cells[i % cells.length];
      const cell = { id: cellId, kind: 'cell', active: true, baseOrganizationId: commune };
      const registered = registerExistingMember(
        {
          memberId,
          fullName: `Member ${chunk}-${i}`,
          birthDate: '1980-01-01',
          cellId,
          admittedOn: '2010-01-01',
          officialOn: '2011-01-01',
          effectiveDate: `201${1 + (i % 8)}-02-01`,
        },
        initialMemberState,
        { today: '2026-01-01', cell },
      );
      const state = registered.reduce(evolveMember, initialMemberState);
      const rated = assessMember(
        { memberId, year: 2024, rating: i % 5 === 0 ? 'excellent' : 'good', effectiveDate: '2024-12-20' },
        state,
        { today: '2026-01-01' },
      );
      appends.push({
        streamId: memberStream(memberId),
        expectedVersion: 'no_stream',
        events: [...registered, ...rated],
      });
    }
    await store.appendMany(appends);
  }
}

describe('the projector killed with SIGKILL in the middle of catching up', () => {
  let db: TestDatabase;
  const apps: ChildProcess[] = [];
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    for (const a of apps) a.kill('SIGKILL');
    await db.drop();
  });

  it('resumes after the last committed batch: the tables equal a rebuild from scratch', async () => {
    const store = new PostgresEventStore(db.pool);
    await seed(store);
    const head = (await store.head()).position;
    const port = await freePort();
    const start = () => {
      const child = spawn(process.execPath, [MAIN], {
        env: { ...process.env, DATABASE_URL: db.url, PORT: String(port) },
        stdio: 'ignore',
      });
      apps.push(child);
      return child;
    };
    let app = start();
    let interruptedAt = 0;
    for (
      const deadline = Date.now() + 60_000;
      Date.now() < deadline;
      await new Promise((r) => setTimeout(r, 20))
    ) {
      const h = await health(port);
      if (h && h.projections.ledger.position > 0) {
        interruptedAt = h.projections.ledger.position;
        break;
      }
    }
    app.kill('SIGKILL');
    await new Promise((r) => app.once('exit', r));
    expect(interruptedAt).toBeGreaterThan(0);
    expect(interruptedAt).toBeLessThan(head); // it really was stopped part-way

    app = start();
    for (
      const deadline = Date.now() + 60_000;
      Date.now() < deadline;
      await new Promise((r) => setTimeout(r, 50))
    ) {
      const h = await health(port);
      if (h && h.projections.ledger.position === head) break;
    }
    expect((await health(port))?.projections.ledger.position).toBe(head);
    app.kill('SIGTERM');
    await new Promise((r) => app.once('exit', r));

    const resumed = await dumpReadModels(db.pool);
    await rebuildReadModels(db.pool, store);
    expect(resumed).toEqual(await dumpReadModels(db.pool));
    expect(resumed.rm_member_timeline).toHaveLength(1000);
  });
});
