import { randomUUID } from 'node:crypto';
import { NewEvent, StoredEvent } from '../envelope';
import { ConcurrencyError, IdempotencyConflictError } from '../errors';
import { EventStore } from '../event-store.port';
import { subscribe } from '../subscription';

/** Direct edits behind the store's back, as an attacker with database access would make them. */
export interface Tamper {
  changeData(position: number): Promise<void>;
  deleteEvent(position: number): Promise<void>;
  /** Shifts the events from `position` up by one and puts a forged event, chained correctly, at `position`. */
  insertEvent(position: number): Promise<void>;
  swap(a: number, b: number): Promise<void>;
  truncateAfter(position: number): Promise<void>;
}

export interface ContractFixture {
  store: EventStore;
  tamper: Tamper;
  teardown(): Promise<void>;
}

export interface ContractOptions {
  /** A fresh, empty store; `beforeCommit` runs inside every append transaction just before it commits. */
  create(options?: { beforeCommit?: () => Promise<void> }): Promise<ContractFixture>;
  writers?: number;
  eventsPerWriter?: number;
}

const event = (type = 'Happened', data: Record<string, unknown> = {}): NewEvent => ({
  type,
  data: { ...data, n: Math.random() },
  effectiveDate: '2024-03-15',
  metadata: { actor: 'contract' },
});
const stream = () => `test-${randomUUID()}`;
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** The event store contract of DESIGN.md; every adapter runs it. */
export function eventStoreContract(name: string, options: ContractOptions): void {
  const writers = options.writers ?? 8;
  const eventsPerWriter = options.eventsPerWriter ?? 1000;

  describe(`${name}: the event store contract`, () => {
    let f: ContractFixture;
    beforeEach(async () => (f = await options.create()));
    afterEach(async () => f.teardown());

    describe('appending and reading', () => {
      it('numbers a stream from version 0 and stores the whole envelope', async () => {
        const id = stream();
        const first = await f.store.append(
          id,
          'no_stream',
          [event('A', { x: 'Nguyễn Văn A' }), event('B')],
          {},
        );
        expect(first.streams).toEqual([{ streamId: id, version: 1 }]);
        const read = await f.store.readStream(id);
        expect(read.map((e) => [e.type, e.streamVersion])).toEqual([
          ['A', 0],
          ['B', 1],
        ]);
        expect(read[0]).toMatchObject({
          schemaVersion: 1,
          effectiveDate: '2024-03-15',
          metadata: { actor: 'contract' },
        });
        expect(read[0].data.x).toBe('Nguyễn Văn A');
        expect(read[0].eventId).toMatch(/^[0-9a-f-]{36}$/);
        expect(Date.parse(read[0].recordedAt)).not.toBeNaN();
        expect(read[1].globalPosition).toBe(read[0].globalPosition + 1);
        expect(await f.store.streamVersion(id)).toBe(1);
        expect(await f.store.streamVersion(stream())).toBe(-1);
      });

      it('reads a stream forwards from a version and the log from a position', async () => {
        const id = stream();
        await f.store.append(id, 'no_stream', [event('A'), event('B'), event('C')]);
        expect((await f.store.readStream(id, 1)).map((e) => e.type)).toEqual(['B', 'C']);
        const all = await f.store.readAll(0, 100);
        expect((await f.store.readAll(all[0].globalPosition, 1)).map((e) => e.type)).toEqual(['B']);
      });

      it('reads a stream for a fold: the skipped types left out, the version counting them', async () => {
        const id = stream();
        await f.store.append(id, 'no_stream', [event('A'), event('Noise'), event('B'), event('Noise')]);
        const read = await f.store.readStreamSkipping(id, 0, ['Noise']);
        expect(read.events.map((e) => [e.type, e.streamVersion])).toEqual([
          ['A', 0],
          ['B', 2],
        ]);
        expect(read.events).toEqual((await f.store.readStream(id)).filter((e) => e.type !== 'Noise'));
        expect(read.version).toBe(3);
        expect(await f.store.readStreamSkipping(id, 3, ['Noise'])).toEqual({ events: [], version: 3 });
        expect((await f.store.readStreamSkipping(id, 1, [])).events.map((e) => e.type)).toEqual([
          'Noise',
          'B',
          'Noise',
        ]);
        expect(await f.store.readStreamSkipping(stream(), 0, ['Noise'])).toEqual({ events: [], version: -1 });
      });

      it('reads several streams for their folds in one read, as readStreamSkipping reads each', async () => {
        const [a, b, unknown] = [stream(), stream(), stream()];
        await f.store.append(a, 'no_stream', [event('A'), event('Noise'), event('B')]);
        await f.store.append(b, 'no_stream', [event('Noise')]);
        const read = await f.store.readStreamsSkipping([b, unknown, a], ['Noise']);
        expect([...read.keys()]).toEqual([b, unknown, a]);
        for (const id of [a, b, unknown])
          expect(read.get(id)).toEqual(await f.store.readStreamSkipping(id, 0, ['Noise']));
        expect(read.get(b)).toEqual({ events: [], version: 0 });
        expect(read.get(unknown)).toEqual({ events: [], version: -1 });
        expect((await f.store.readStreamsSkipping([a], [])).get(a)!.events.map((e) => e.type)).toEqual([
          'A',
          'Noise',
          'B',
        ]);
        expect((await f.store.readStreamsSkipping([], ['Noise'])).size).toBe(0);
        // A stream named twice is read once.
        const twice = await f.store.readStreamsSkipping([a, a], ['Noise']);
        expect([...twice.keys()]).toEqual([a]);
        expect(twice.get(a)!.events.map((e) => e.type)).toEqual(['A', 'B']);
      });

      it('lists the streams under a prefix whose last event (of the types not skipped) is latest first', async () => {
        const prefix = `${stream()}-`;
        const [a, b, c] = [`${prefix}a`, `${prefix}b`, `${prefix}c`];
        await f.store.append(a, 'no_stream', [event('A')]);
        await f.store.append(b, 'no_stream', [event('A')]);
        await f.store.append(c, 'no_stream', [event('A')]);
        await f.store.append(a, 0, [event('B')]);
        await f.store.append(c, 0, [event('Noise')]);
        await f.store.append('elsewhere', 'no_stream', [event('A')]);
        expect(await f.store.recentStreams(prefix, 10, ['Noise'])).toEqual([a, c, b]);
        expect(await f.store.recentStreams(prefix, 10, [])).toEqual([c, a, b]);
        expect(await f.store.recentStreams(prefix, 2, ['Noise'])).toEqual([a, c]);
        expect(await f.store.recentStreams(`${stream()}-`, 10, [])).toEqual([]);
      });

      it('reads one event by its id', async () => {
        const id = stream();
        const eventId = randomUUID();
        await f.store.append(id, 'no_stream', [{ ...event('One'), eventId }]);
        expect(await f.store.readEvent(eventId)).toMatchObject({
          eventId,
          streamId: id,
          type: 'One',
          streamVersion: 0,
        });
        expect(await f.store.readEvent(randomUUID())).toBeUndefined();
        expect(await f.store.readEvent('not-a-uuid')).toBeUndefined();
      });

      it('finds the streams whose events mention a value', async () => {
        await f.store.append('org-a', 'no_stream', [event('Established', { parentId: 'root' })]);
        await f.store.append('org-b', 'no_stream', [event('Established', { parentId: 'other' })]);
        await f.store.append('org-b', 0, [event('Moved', { toParentId: 'root' })]);
        await f.store.append('member-c', 'no_stream', [event('Admitted', { parentId: 'root' })]);
        expect(await f.store.findStreams('org-', [{ parentId: 'root' }, { toParentId: 'root' }])).toEqual([
          'org-a',
          'org-b',
        ]);
        expect(await f.store.findStreams('org-', [{ parentId: 'nobody' }])).toEqual([]);
      });

      it('reads the events caused by given events', async () => {
        const [cause, other] = [randomUUID(), randomUUID()];
        const caused = (causationId: string): NewEvent => ({
          ...event('Caused'),
          metadata: { actor: 'contract', causationId },
        });
        await f.store.append('case-1', 'no_stream', [{ ...event('Decided'), eventId: cause }]);
        await f.store.appendMany([
          { streamId: 'member-1', expectedVersion: 'no_stream', events: [caused(cause), caused(cause)] },
          { streamId: 'member-2', expectedVersion: 'no_stream', events: [caused(other)] },
        ]);
        await f.store.append('member-3', 'no_stream', [event('Unrelated')]);
        await f.store.append('member-2', 0, [caused(cause)]);
        const read = await f.store.readCausedBy([cause]);
        expect(read.map((e) => [e.streamId, e.streamVersion])).toEqual([
          ['member-1', 0],
          ['member-1', 1],
          ['member-2', 1],
        ]);
        expect(read.every((e) => e.metadata.causationId === cause)).toBe(true);
        const both = await f.store.readCausedBy([other, cause]);
        expect(both.map((e) => e.globalPosition)).toEqual(
          [...both.map((e) => e.globalPosition)].sort((a, b) => a - b),
        );
        expect(both).toHaveLength(4);
        expect(await f.store.readCausedBy([cause, cause])).toHaveLength(3);
        expect(await f.store.readCausedBy([randomUUID()])).toEqual([]);
        expect(await f.store.readCausedBy([])).toEqual([]);
      });

      it('keeps transaction time from going backwards along the log', async () => {
        for (let i = 0; i < 5; i++) await f.store.append(stream(), 'no_stream', [event()]);
        const all = await f.store.readAll(0, 100);
        for (let i = 1; i < all.length; i++) expect(all[i].recordedAt >= all[i - 1].recordedAt).toBe(true);
      });
    });

    describe('optimistic concurrency', () => {
      it('refuses an append whose expected version is not the stream version', async () => {
        const id = stream();
        await f.store.append(id, 'no_stream', [event()]);
        await expect(f.store.append(id, 'no_stream', [event()])).rejects.toBeInstanceOf(ConcurrencyError);
        await expect(f.store.append(id, 5, [event()])).rejects.toBeInstanceOf(ConcurrencyError);
        await f.store.append(id, 0, [event()]);
        await f.store.append(id, 'any', [event()]);
        expect(await f.store.streamVersion(id)).toBe(2);
      });

      it('lets exactly one of many concurrent writers win each version, losing nothing and doubling nothing', async () => {
        const id = stream();
        await f.store.append(id, 'no_stream', [event()]);
        const outcomes = await Promise.allSettled(
          Array.from({ length: 16 }, (_, i) => f.store.append(id, 0, [event('Race', { writer: i })])),
        );
        expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
        for (const o of outcomes.filter((o) => o.status === 'rejected'))
          expect((o as PromiseRejectedResult).reason).toBeInstanceOf(ConcurrencyError);
        expect(await f.store.streamVersion(id)).toBe(1);

        // Writers that re-read and retry on conflict: every one of their events lands exactly once.
        const perWriter = 10;
        await Promise.all(
          Array.from({ length: 8 }, async (_, w) => {
            for (let i = 0; i < perWriter; i++) {
              for (;;) {
                const version = await f.store.streamVersion(id);
                try {
                  await f.store.append(id, version, [event('Retry', { w, i })]);
                  break;
                } catch (error) {
                  if (!(error instanceof ConcurrencyError)) throw error;
                }
              }
            }
          }),
        );
        const events = await f.store.readStream(id);
        expect(events.map((e) => e.streamVersion)).toEqual(events.map((_, i) => i));
        const retries = events.filter((e) => e.type === 'Retry').map((e) => `${e.data.w}/${e.data.i}`);
        expect(new Set(retries).size).toBe(8 * perWriter);
        expect(retries).toHaveLength(8 * perWriter);
      });
    });

    describe('concurrent appends', () => {
      it('each succeed or fail on their own, even when one is refused by the database itself', async () => {
        const taken = randomUUID();
        await f.store.append(stream(), 'no_stream', [{ ...event(), eventId: taken }]);
        const before = (await f.store.head()).position;
        const ids = Array.from({ length: 12 }, () => stream());
        // Twelve appends arrive together; the sixth reuses an event id (a unique violation).
        const outcomes = await Promise.allSettled(
          ids.map((id, i) =>
            f.store.append(id, 'no_stream', [i === 5 ? { ...event(), eventId: taken } : event(), event()]),
          ),
        );
        expect(outcomes.map((o) => o.status)).toEqual(
          ids.map((_, i) => (i === 5 ? 'rejected' : 'fulfilled')),
        );
        for (const [i, id] of ids.entries()) expect(await f.store.streamVersion(id)).toBe(i === 5 ? -1 : 1);
        const log = await f.store.readAll(before, 100);
        expect(log.map((e) => e.globalPosition)).toEqual(log.map((_, i) => before + 1 + i));
        expect(log).toHaveLength(22);
        expect((await f.store.verify()).ok).toBe(true);
      });
    });

    describe('atomic append to several streams', () => {
      it('appends to every stream or to none', async () => {
        const [a, b] = [stream(), stream()];
        await f.store.append(b, 'no_stream', [event()]);
        const before = await f.store.head();
        await expect(
          f.store.appendMany([
            { streamId: a, expectedVersion: 'no_stream', events: [event(), event()] },
            { streamId: b, expectedVersion: 'no_stream', events: [event()] },
          ]),
        ).rejects.toBeInstanceOf(ConcurrencyError);
        expect(await f.store.readStream(a)).toEqual([]);
        expect(await f.store.streamVersion(b)).toBe(0);
        expect(await f.store.head()).toEqual(before);

        const ok = await f.store.appendMany([
          { streamId: a, expectedVersion: 'no_stream', events: [event()] },
          { streamId: b, expectedVersion: 0, events: [event()] },
        ]);
        expect(ok.streams).toEqual([
          { streamId: a, version: 0 },
          { streamId: b, version: 1 },
        ]);
        expect(ok.lastPosition - ok.firstPosition).toBe(1);
      });
    });

    describe('streams named only as facts', () => {
      it('fails the whole append when a fact stream has moved, and appends nothing to it otherwise', async () => {
        const [own, fact] = [stream(), stream()];
        await f.store.append(fact, 'no_stream', [event()]);
        const ok = await f.store.appendMany([
          { streamId: own, expectedVersion: 'no_stream', events: [event()] },
          { streamId: fact, expectedVersion: 0, events: [] },
        ]);
        expect(ok.streams).toEqual([
          { streamId: own, version: 0 },
          { streamId: fact, version: 0 },
        ]);
        expect(await f.store.streamVersion(fact)).toBe(0);
        await f.store.append(fact, 0, [event()]);
        await expect(
          f.store.appendMany([
            { streamId: own, expectedVersion: 0, events: [event()] },
            { streamId: fact, expectedVersion: 0, events: [] },
          ]),
        ).rejects.toBeInstanceOf(ConcurrencyError);
        expect(await f.store.streamVersion(own)).toBe(0);
      });
    });

    describe('reference guards', () => {
      it('fail an append when a stream mentioning the value was written since the decision began', async () => {
        await f.store.append('member-a', 'no_stream', [event('Registered', { cellId: 'cell-1' })]);
        const since = (await f.store.head()).position;
        const guard = {
          since,
          streamPrefix: 'member-',
          fragments: [{ cellId: 'cell-1' }, { toCellId: 'cell-1' }],
        };
        // Nothing new mentions cell-1: the guarded append goes through.
        await f.store.append('org-cell-1', 'no_stream', [event('Checked')], { guards: [guard] });
        await f.store.append('member-b', 'no_stream', [event('Registered', { cellId: 'cell-1' })]);
        await expect(
          f.store.append('org-cell-1', 0, [event('Dissolved')], { guards: [guard] }),
        ).rejects.toBeInstanceOf(ConcurrencyError);
        expect(await f.store.streamVersion('org-cell-1')).toBe(0);
        // Another prefix or value does not trip it.
        await f.store.append('org-cell-1', 0, [event('Dissolved')], {
          guards: [
            { ...guard, fragments: [{ cellId: 'cell-2' }] },
            { ...guard, streamPrefix: 'organization-' },
          ],
        });
      });
    });

    describe('idempotency keys', () => {
      it('remembers a key given with no event at all, appending nothing', async () => {
        const id = stream();
        await f.store.append(id, 'no_stream', [event()]);
        const before = await f.store.head();
        const first = await f.store.appendMany([{ streamId: id, expectedVersion: 0, events: [] }], {
          idempotencyKey: 'k-empty',
          requestHash: 'h',
        });
        expect(first).toMatchObject({
          streams: [{ streamId: id, version: 0 }],
          lastPosition: before.position,
          replayed: false,
        });
        expect(await f.store.head()).toEqual(before);
        expect(await f.store.findIdempotent('k-empty', 'h')).toEqual({ ...first, replayed: true });
        await expect(f.store.appendMany([{ streamId: id, expectedVersion: 0, events: [] }])).rejects.toThrow(
          /at least one event/,
        );
      });

      it('tells whether a key was seen, and with which request', async () => {
        expect(await f.store.findIdempotent('k-0', 'h')).toBeUndefined();
        const first = await f.store.append(stream(), 'no_stream', [event()], {
          idempotencyKey: 'k-0',
          requestHash: 'h',
        });
        expect(await f.store.findIdempotent('k-0', 'h')).toEqual({ ...first, replayed: true });
        await expect(f.store.findIdempotent('k-0', 'other')).rejects.toBeInstanceOf(IdempotencyConflictError);
      });

      it('returns the first result for a key seen again with the same request, appending nothing', async () => {
        const id = stream();
        const e = event();
        const first = await f.store.append(id, 'no_stream', [e], { idempotencyKey: 'k-1' });
        const again = await f.store.append(id, 'no_stream', [e], { idempotencyKey: 'k-1' });
        expect(again).toEqual({ ...first, replayed: true });
        expect(await f.store.readStream(id)).toHaveLength(1);
      });

      it('refuses a key reused with a different request', async () => {
        const id = stream();
        await f.store.append(id, 'no_stream', [event()], { idempotencyKey: 'k-2', requestHash: 'one' });
        await expect(
          f.store.append(stream(), 'no_stream', [event()], { idempotencyKey: 'k-2', requestHash: 'two' }),
        ).rejects.toBeInstanceOf(IdempotencyConflictError);
        expect((await f.store.head()).position).toBe(1);
      });

      it('appends once when the same key arrives concurrently', async () => {
        const id = stream();
        const results = await Promise.all(
          Array.from({ length: 6 }, () =>
            f.store.append(id, 'any', [event('Once')], { idempotencyKey: 'k-3', requestHash: 'same' }),
          ),
        );
        expect(results.filter((r) => !r.replayed)).toHaveLength(1);
        expect(await f.store.readStream(id)).toHaveLength(1);
      });
    });

    describe('catch-up subscription', () => {
      it(`sees every event exactly once, in order, while ${writers} writers commit out of order`, async () => {
        await f.teardown();
        // Every append transaction holds for a random time before COMMIT, as a slow writer would.
        f = await options.create({ beforeCommit: () => sleep(Math.random() * 2) });
        const seen: StoredEvent[] = [];
        let regressions = 0;
        const subscription = subscribe(f.store, {
          from: 0,
          batchSize: 300,
          idleMs: 5,
          handle: async (events) => {
            for (const e of events) {
              if (seen.length > 0 && e.globalPosition <= seen[seen.length - 1].globalPosition)
                regressions += 1;
              seen.push(e);
            }
          },
        });
        const batch = 10;
        const written = new Set<string>();
        await Promise.all(
          Array.from({ length: writers }, async (_, w) => {
            const id = `writer-${w}-${randomUUID()}`;
            for (let i = 0; i < eventsPerWriter; i += batch) {
              const events = Array.from({ length: batch }, () => ({ ...event('W'), eventId: randomUUID() }));
              await f.store.append(id, 'any', events);
              events.forEach((e) => written.add(e.eventId));
            }
          }),
        );
        const head = await f.store.head();
        while (subscription.position < head.position) await sleep(10);
        await subscription.stop();
        expect(regressions).toBe(0);
        expect(seen).toHaveLength(writers * eventsPerWriter);
        expect(new Set(seen.map((e) => e.eventId))).toEqual(written);
        expect(seen.map((e) => e.globalPosition)).toEqual(seen.map((_, i) => i + 1));
      });
    });

    describe('verification', () => {
      const fill = async () => {
        const ids = [stream(), stream(), stream()];
        for (let i = 0; i < 10; i++) await f.store.append(ids[i % 3], 'any', [event('E', { i })]);
      };

      it('passes an untouched log and names its head', async () => {
        await fill();
        const result = await f.store.verify();
        expect(result).toMatchObject({ ok: true, checked: 10, head: { position: 10 } });
      });

      it.each([
        ['changed data', (t: Tamper) => t.changeData(4), 4],
        ['a deleted event', (t: Tamper) => t.deleteEvent(6), 6],
        // The forged event is chained correctly, so the break shows at the event it displaced.
        ['an inserted event', (t: Tamper) => t.insertEvent(5), 6],
        ['two events swapped', (t: Tamper) => t.swap(3, 7), 3],
        ['the tail truncated', (t: Tamper) => t.truncateAfter(8), 9],
      ])('finds %s and names the first bad position', async (_what, tamper, firstBad) => {
        await fill();
        await tamper(f.tamper);
        const result = await f.store.verify();
        expect(result).toMatchObject({ ok: false, firstBadPosition: firstBad });
      });
    });
  });
}
