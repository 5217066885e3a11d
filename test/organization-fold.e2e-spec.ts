import { randomUUID } from 'node:crypto';
import { Attempt, CommandExecutor } from '../apps/api/src/commands/command-executor';
import {
  evolveOrganization,
  initialOrganizationState,
  OrganizationEvent,
  organizationStateNeutralTypes,
  organizationStream,
} from '../libs/domain/src';
import { EVENT_STORE, EventStore } from '../libs/event-store/src';
import { client } from './support/http';
import { createTestApp, TestApp } from './support/test-app';

/**
 * A decision on an organization folds its stream without reading its meetings (the domain's
 * state-neutral types): the state is the fold of every event, the version counts every event.
 */
describe('folding an organization for a decision', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  const meeting = (id: string, heldOn: string): OrganizationEvent => ({
    type: 'MeetingHeld',
    data: { organizationId: id, meetingKind: 'regular', heldOn, expected: 12, present: 11 },
    effectiveDate: heldOn,
  });

  it('skips the meetings, folds the rest and counts every event in the version', async () => {
    const id = randomUUID();
    const stream = organizationStream(id);
    const store = t.app.get<EventStore>(EVENT_STORE);
    const history: OrganizationEvent[] = [
      {
        type: 'OrganizationEstablished',
        data: { organizationId: id, name: 'Chi bộ 1', kind: 'provincial_committee', parentId: null },
        effectiveDate: '2015-01-01',
      },
      meeting(id, '2015-02-05'),
      meeting(id, '2015-03-05'),
      {
        type: 'OrganizationRenamed',
        data: { organizationId: id, name: 'Chi bộ 2', previousName: 'Chi bộ 1' },
        effectiveDate: '2016-01-01',
      },
      meeting(id, '2016-02-05'),
    ];
    // Appended behind the app's back, as another instance would: the app has never folded it.
    await store.append(stream, 'no_stream', history);
    const read: string[][] = [];
    const readStreamSkipping = store.readStreamSkipping.bind(store);
    store.readStreamSkipping = async (...args) => {
      const result = await readStreamSkipping(...args);
      read.push(result.events.map((e) => e.type));
      return result;
    };
    try {
      const executor = t.app.get(CommandExecutor);
      const load = () =>
        executor.load(stream, evolveOrganization, initialOrganizationState, organizationStateNeutralTypes);

      const first = await load();
      expect(read).toEqual([['OrganizationEstablished', 'OrganizationRenamed']]);
      expect(first.version).toBe(4);
      expect(first.state).toEqual(history.reduce(evolveOrganization, initialOrganizationState));

      await store.append(stream, 4, [meeting(id, '2016-03-05'), meeting(id, '2016-04-05')]);
      const second = await load();
      expect(read[1]).toEqual([]);
      expect(second).toEqual({ ...first, version: 6 });

      // If-Match is checked against that version.
      const http = client(t);
      const rename = (version: string) =>
        http.post(
          `/api/organizations/${id}/renaming`,
          { name: 'Chi bộ 3', effectiveDate: '2017-01-01' },
          {
            'If-Match': version,
          },
        );
      expect((await rename('4')).body).toMatchObject({ status: 412, currentVersion: 6 });
      expect((await rename('6')).body).toMatchObject({ version: 7 });
    } finally {
      store.readStreamSkipping = readStreamSkipping;
    }
  });

  describe("a command's own stream as this app left it", () => {
    const establish = (id: string): OrganizationEvent => ({
      type: 'OrganizationEstablished',
      data: { organizationId: id, name: 'Chi bộ 4', kind: 'provincial_committee', parentId: null },
      effectiveDate: '2015-01-01',
    });
    const meet = (id: string, heldOn: string) =>
      client(t).post(`/api/organizations/${id}/meetings`, {
        meetingKind: 'regular',
        heldOn,
        expected: 12,
        present: 11,
      });
    /** The streams read from the log while `during` runs. */
    const readsDuring = async (during: () => Promise<void>): Promise<string[]> => {
      const store = t.app.get<EventStore>(EVENT_STORE);
      const read: string[] = [];
      const readStreamSkipping = store.readStreamSkipping.bind(store);
      store.readStreamSkipping = (streamId, ...rest) => (
        read.push(streamId),
        readStreamSkipping(streamId, ...rest)
      );
      try {
        await during();
      } finally {
        store.readStreamSkipping = readStreamSkipping;
      }
      return read;
    };

    /** An organization established behind the app's back, and its renaming over HTTP. */
    const established = async () => {
      const id = randomUUID();
      const store = t.app.get<EventStore>(EVENT_STORE);
      await store.append(organizationStream(id), 'no_stream', [establish(id)]);
      const rename = (name: string) =>
        client(t).post(`/api/organizations/${id}/renaming`, { name, effectiveDate: '2016-01-01' });
      return { id, store, rename };
    };

    it('is not read again by its next command: the fold was moved on by the events appended', async () => {
      const id = randomUUID();
      await t.app.get<EventStore>(EVENT_STORE).append(organizationStream(id), 'no_stream', [establish(id)]);
      expect((await meet(id, '2016-01-05')).body).toMatchObject({ version: 1 });
      const reads = await readsDuring(async () => {
        expect((await meet(id, '2016-02-05')).body).toMatchObject({ version: 2 });
        expect((await meet(id, '2016-03-05')).body).toMatchObject({ version: 3 });
      });
      expect(reads).not.toContain(organizationStream(id));
    });

    it('is moved on by what the command decided, not only its version', async () => {
      const { id, store, rename } = await established();
      expect((await rename('Chi bộ 5')).body).toMatchObject({ version: 1 });
      const reads = await readsDuring(async () => {
        expect((await rename('Chi bộ 6')).body).toMatchObject({ version: 2 });
      });
      expect(reads).not.toContain(organizationStream(id));
      // Decided on the kept fold: the name it held was the one the first rename gave.
      const [, , second] = await store.readStream(organizationStream(id));
      expect(second.data).toMatchObject({ name: 'Chi bộ 6', previousName: 'Chi bộ 5' });
    });

    it('is dropped by a correction, which changes events before it', async () => {
      const { id, store, rename } = await established();
      expect((await rename('Chi bộ 9')).status).toBe(201);
      const [, renamed] = await store.readStream(organizationStream(id));
      const retracted = await client(t).post('/api/corrections', {
        eventId: renamed.eventId,
        retract: true,
        reason: 'Ghi nhầm',
      });
      expect(retracted.status).toBe(201);
      expect((await rename('Chi bộ 10')).status).toBe(201);
      const events = await store.readStream(organizationStream(id));
      expect(events[events.length - 1].data).toMatchObject({ name: 'Chi bộ 10', previousName: 'Chi bộ 4' });
    });

    it('is dropped, not moved on, when the append replays an idempotency key', async () => {
      const id = randomUUID();
      const stream = organizationStream(id);
      const store = t.app.get<EventStore>(EVENT_STORE);
      const executor = t.app.get(CommandExecutor);
      const load = (attempt?: Attempt) =>
        executor.load(
          stream,
          evolveOrganization,
          initialOrganizationState,
          organizationStateNeutralTypes,
          attempt,
        );
      const renamed = (name: string, previousName: string): OrganizationEvent => ({
        type: 'OrganizationRenamed',
        data: { organizationId: id, name, previousName },
        effectiveDate: '2016-01-01',
      });
      await store.append(stream, 'no_stream', [establish(id)]);
      await load(); // this app keeps the fold at version 0
      // Another instance answered the key first: its rename is in the log.
      await store.append(stream, 0, [renamed('Chi bộ 7', 'Chi bộ 4')], {
        idempotencyKey: `k-${id}`,
        requestHash: 'h',
      });
      // The same key reaches this app, which decides on its kept fold; the store replays the first answer.
      const meta = { idempotencyKey: `k-${id}`, requestHash: 'h', actor: 'test', correlationId: 'c' };
      const answer = await executor.execute(meta, async (attempt) => {
        const own = await load(attempt);
        return { id, stream: own, events: [renamed('Chi bộ 8', 'Chi bộ 4')] };
      });
      expect(answer.version).toBe(1);
      const next = await load({ trustKept: true });
      expect(next.fromKept).toBeUndefined();
      expect(next.state).toMatchObject({ name: 'Chi bộ 7' });
    });

    it('left stale by another process fails the append, and the command is decided again on the log', async () => {
      const id = randomUUID();
      const store = t.app.get<EventStore>(EVENT_STORE);
      await store.append(organizationStream(id), 'no_stream', [establish(id)]);
      expect((await meet(id, '2016-01-05')).body).toMatchObject({ version: 1 });
      // Behind the app's back: a meeting, so the kept fold's version is one behind.
      await store.append(organizationStream(id), 1, [meeting(id, '2016-02-05')]);
      const reads = await readsDuring(async () => {
        expect((await meet(id, '2016-03-05')).body).toMatchObject({ version: 3 });
      });
      expect(reads).toEqual([organizationStream(id)]);
      // Behind the app's back again: dissolved. The kept fold (active) would allow the meeting.
      await store.append(organizationStream(id), 3, [
        { type: 'OrganizationDissolved', data: { organizationId: id }, effectiveDate: '2017-01-01' },
      ]);
      const refused = await meet(id, '2018-01-05');
      expect(refused.status).toBe(422);
      const types = (await store.readStream(organizationStream(id))).map((e) => e.type);
      expect(types).toEqual([
        'OrganizationEstablished',
        'MeetingHeld',
        'MeetingHeld',
        'MeetingHeld',
        'OrganizationDissolved',
      ]);
    });

    it('decides a refusal once when no kept fold was used', async () => {
      const id = randomUUID();
      const reads = await readsDuring(async () => {
        expect((await meet(id, '2016-01-05')).status).toBe(404);
      });
      expect(reads).toEqual([organizationStream(id)]);
    });

    it('gives a refusal only as decided on the log', async () => {
      const id = randomUUID();
      // The app folds the stream while it is empty (404) and keeps that fold …
      expect((await meet(id, '2016-01-05')).status).toBe(404);
      // … then another process establishes the organization.
      await t.app.get<EventStore>(EVENT_STORE).append(organizationStream(id), 'no_stream', [establish(id)]);
      expect((await meet(id, '2016-01-05')).body).toMatchObject({ version: 1 });
    });
  });
});
