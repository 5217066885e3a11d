/**
 * Issue 4: the read models answer every point-in-time question exactly as the oracle does, on random
 * valid histories (testing/history-generator.ts) — admissions recorded late, moves, mergers, transfers,
 * corrections, the 2025 reform, meetings — for random organizations, dates and knownAt instants; and the
 * read models built incrementally (two catch-ups, small batches) equal those built in one go.
 *
 * Reproduce a failure with PROPERTY_SEED=<seed> (printed with it): the histories (ids included) and the
 * questions asked follow from it; only recordedAt instants differ from run to run. PROPERTY_RUNS
 * overrides the number of runs, PROPERTY_REPORT=1 prints what was generated and compared.
 */
import fc from 'fast-check';
import { addDays } from '@ledger/domain';
import { insertEnvelopes, PostgresEventStore, StoredEvent } from '@ledger/event-store';
import { createTestDatabase, TestDatabase } from '../../../../test/support/test-database';
import { dumpReadModels } from '../../../../test/support/read-model-dump';
import { Oracle } from '../oracle';
import { FLOW_KINDS, FlowKind, PointInTime, RosterStatus } from '../point-in-time';
import { ProjectionRunner } from '../projection-runner';
import { Projector } from '../projector';
import { rebuildReadModels } from '../rebuild';
import { appendDecisions, GeneratedHistory, generateHistory, interleave } from '../testing/history-generator';
import { LedgerProjector } from './ledger-projector';
import { SqlPointInTime } from './sql-point-in-time';

const HISTORIES = Number(process.env.PROPERTY_HISTORIES ?? 4);
const RUNS = Number(process.env.PROPERTY_RUNS ?? 200);
const SEED = Number(process.env.PROPERTY_SEED ?? Math.floor(Math.random() * 2 ** 31));
/** The questions both implementations answer: those of PointInTime, and meetings (SEMANTICS.md rule 9). */
type Questions = PointInTime & Pick<Oracle, 'meetings'>;

const report = (...lines: string[]) => {
  if (process.env.PROPERTY_REPORT) console.log(lines.join('\n'));
};

interface Question {
  organizationId: string;
  asOf: string;
  status?: RosterStatus;
  offset: number;
  limit: number;
  from: string;
  to: string;
  kind: FlowKind | 'disciplined';
  year: number;
  quotaDenominator?: 'good' | 'goodOrBetter';
  /** The period asked about meetings (held from 2025 on in the histories). */
  meetingsFrom: string;
  meetingsTo: string;
}

const DAY_ZERO = '2013-06-01';
const DAYS = 365 * 14;

describe(`read models match the oracle on random histories (PROPERTY_SEED=${SEED})`, () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  let histories: GeneratedHistory[];
  let log: StoredEvent[];

  beforeAll(async () => {
    const started = Date.now();
    db = await createTestDatabase();
    await fastCommits(db);
    store = new PostgresEventStore(db.pool);
    histories = Array.from({ length: HISTORIES }, (_, i) => generateHistory(SEED + i));
    const generated = Date.now();
    // Projected in two halves, in small batches that may split an append (several events, or several
    // appends recorded in the same millisecond) between two, as a live subscription can: each
    // catch-up extends the read models the one before left, which the one-shot rebuild below must
    // agree with.
    const runner = new ProjectionRunner(db.pool, store, new LedgerProjector(), {
      batchSize: 97,
      wholeAppends: false,
    });
    const half = Math.ceil(HISTORIES / 2);
    let appending = 0;
    let projecting = 0;
    const timed = async (work: () => Promise<unknown>) => {
      const start = Date.now();
      await work();
      return Date.now() - start;
    };
    appending += await timed(() => appendDecisions(store, interleave(histories.slice(0, half), SEED)));
    projecting += await timed(() => runner.catchUp());
    appending += await timed(() => appendDecisions(store, interleave(histories.slice(half), SEED + 1)));
    projecting += await timed(() => runner.catchUp());
    log = await store.readAll(0, 1_000_000);
    report(
      `PROPERTY_SEED=${SEED}: ${HISTORIES} histories, ${histories.reduce((s, h) => s + h.decisions.length, 0)} decisions, ` +
        `${log.length} events, ${new Set(log.map((e) => e.recordedAt)).size} distinct recordedAt; ` +
        `generated in ${generated - started} ms, appended in ${appending} ms, projected in ${projecting} ms`,
    );
  }, 180_000);

  afterAll(async () => {
    await db?.drop();
  });

  it('holds every generated history in the log, every event once', () => {
    expect(log).toHaveLength(histories.reduce((s, h) => s + h.eventCount, 0));
    expect(log.map((e) => e.globalPosition)).toEqual(log.map((_, i) => i + 1));
  });

  it('answers counts, roster, flows, flow items, ratings and meetings as the oracle does', async () => {
    const started = Date.now();
    const sql = new SqlPointInTime(db.pool);
    const allKnown = new Oracle(log);
    // One oracle per knownAt asked about (each builds its world once); the one for "everything" is kept.
    const oracleFor = (knownAt?: string) => (knownAt === undefined ? allKnown : new Oracle(log));

    const organizations = histories.flatMap((h) => h.organizations);
    // Every organization, and more often one with a subtree of some size (a commune, a district, the province).
    const organization = fc.oneof(
      fc.constantFrom(...organizations.map((o) => o.id)),
      fc.constantFrom(...organizations.filter((o) => o.kind !== 'cell').map((o) => o.id)),
    );
    const effectiveDates = [...new Set(histories.flatMap((h) => h.effectiveDates))].sort();
    const instants = [...new Set(log.map((e) => e.recordedAt))].sort();
    const date = fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...effectiveDates) },
      {
        weight: 2,
        arbitrary: fc
          .tuple(fc.constantFrom(...effectiveDates), fc.constantFrom(-1, 1))
          .map(([d, n]) => addDays(d, n)),
      },
      { weight: 1, arbitrary: fc.integer({ min: 0, max: DAYS }).map((n) => addDays(DAY_ZERO, n)) },
    );
    const period = fc.oneof(
      fc.tuple(date, date).map(([a, b]) => (a <= b ? [a, b] : [b, a])),
      date.map((d) => [d, d]),
      fc.integer({ min: 2014, max: 2026 }).map((y) => [`${y}-01-01`, `${y}-12-31`]),
    );
    // Meetings are held from 2025 on: mostly whole months of 2025–2026 (1 to 12 of them), else any period.
    const monthStart = (m: number) =>
      `${2025 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}-01`;
    const meetingsPeriod = fc.oneof(
      {
        weight: 3,
        arbitrary: fc
          .tuple(fc.integer({ min: 0, max: 17 }), fc.integer({ min: 1, max: 12 }))
          .map(([m, n]) => [monthStart(m), addDays(monthStart(m + n), -1)]),
      },
      { weight: 1, arbitrary: period },
    );
    // A recordedAt of the log (or a millisecond either side), drawn more often from its later part, where
    // more is known; a quarter of the runs ask about everything recorded.
    const knownAt = fc.option(
      fc.tuple(fc.integer({ min: 0, max: 1_000_000 }), fc.constantFrom(0, -1, 1)).map(([u, ms]) => {
        const i = Math.floor(Math.sqrt(u / 1_000_000) * (instants.length - 1));
        return new Date(Date.parse(instants[i]) + ms).toISOString();
      }),
      { nil: undefined, freq: 4 },
    );
    const question: fc.Arbitrary<Question> = fc
      .record({
        organizationId: organization,
        asOf: date,
        status: fc.constantFrom<(RosterStatus | undefined)[]>(undefined, 'probationary', 'official'),
        offset: fc.oneof(
          { weight: 3, arbitrary: fc.constant(0) },
          { weight: 2, arbitrary: fc.integer({ min: 0, max: 20 }) },
          { weight: 1, arbitrary: fc.integer({ min: 0, max: 300 }) },
        ),
        limit: fc.integer({ min: 1, max: 60 }),
        period,
        meetingsPeriod,
        kind: fc.constantFrom<(FlowKind | 'disciplined')[]>(...FLOW_KINDS, 'disciplined'),
        year: fc.integer({ min: 2014, max: 2026 }),
        quotaDenominator: fc.constantFrom<('good' | 'goodOrBetter' | undefined)[]>(
          undefined,
          'good',
          'goodOrBetter',
        ),
      })
      .map(({ period: [from, to], meetingsPeriod: [meetingsFrom, meetingsTo], ...rest }) => ({
        ...rest,
        from,
        to,
        meetingsFrom,
        meetingsTo,
      }));

    let compared = 0;
    const tally: Record<string, number> = {};
    /** Answers with something in them (not all zeros or empty): how much the comparisons really said. */
    const substantive: Record<string, number> = {};
    /** One question to both: the answers must be equal (the question is shown with them when not). */
    const same = async <Q extends object>(
      name: keyof Questions,
      q: Q,
      ask: (implementation: Questions, q: Q) => Promise<unknown>,
      oracle: Oracle,
    ) => {
      const [actual, expected] = await Promise.all([ask(sql, q), ask(oracle, q)]);
      compared += 1;
      tally[name] = (tally[name] ?? 0) + 1;
      if (hasSomething(name, expected)) substantive[name] = (substantive[name] ?? 0) + 1;
      expect({ question: name, ...q, answer: actual }).toEqual({ question: name, ...q, answer: expected });
      return expected;
    };

    const property = fc.asyncProperty(
      knownAt,
      fc.array(question, { minLength: 1, maxLength: 8 }),
      async (known, questions) => {
        const oracle = oracleFor(known);
        const k = known === undefined ? {} : { knownAt: known };
        await Promise.all(
          questions.map(async (q) => {
            const { organizationId, asOf, from, to } = q;
            const status = q.status === undefined ? {} : { status: q.status };
            const denominator =
              q.quotaDenominator === undefined ? {} : { quotaDenominator: q.quotaDenominator };
            await same('counts', { organizationId, asOf, ...k }, (p, x) => p.counts(x), oracle);
            await same(
              'roster',
              { organizationId, asOf, ...status, offset: q.offset, limit: q.limit, ...k },
              (p, x) => p.roster(x),
              oracle,
            );
            const flows = (await same(
              'flows',
              { organizationId, from, to, ...k },
              (p, x) => p.flows(x),
              oracle,
            )) as Record<string, unknown>;
            // The drill-down of the kind drawn, and of every kind with something to drill into.
            const kinds = new Set([q.kind, ...FLOW_KINDS.filter((f) => (flows[f] as number) > 0)]);
            if ((flows.disciplined as { total: number }).total > 0) kinds.add('disciplined');
            for (const kind of kinds)
              await same(
                'flowItems',
                { organizationId, from, to, kind, ...k },
                (p, x) => p.flowItems(x),
                oracle,
              );
            await same(
              'ratings',
              { organizationId, year: q.year, ...denominator, ...k },
              (p, x) => p.ratings(x),
              oracle,
            );
            await same(
              'meetings',
              { organizationId, from: q.meetingsFrom, to: q.meetingsTo, ...k },
              (p, x) => p.meetings(x),
              oracle,
            );
          }),
        );
      },
    );
    await fc.assert(property, { numRuns: RUNS, seed: SEED });

    report(
      `compared ${compared} answers in ${RUNS} runs in ${Date.now() - started} ms: ${JSON.stringify(tally)}, ` +
        `not empty: ${JSON.stringify(substantive)}`,
    );
    expect(compared).toBeGreaterThanOrEqual(RUNS * 6);
  }, 180_000);

  const projectedAgain = async (projector: Projector, batchSize: number, pipeline = false) => {
    const again = await createTestDatabase();
    try {
      await fastCommits(again);
      await copyLog(log, again);
      const runner = new ProjectionRunner(again.pool, new PostgresEventStore(again.pool), projector, {
        batchSize,
        pipeline,
      });
      expect(await runner.catchUp()).toBe(log.length);
      expect(await dumpReadModels(again.pool)).toEqual(await dumpReadModels(db.pool));
    } finally {
      await again.drop();
    }
  };

  it('builds the same read models in one go as it did incrementally', async () => {
    await projectedAgain(new LedgerProjector(), 1_000_000);
  }, 180_000);

  it('builds the same read models when its stream cache lets streams go between batches', async () => {
    // At most 5 streams kept: nearly every batch lets member and case streams go, and reads them
    // back (with their rows) when their next events come.
    await projectedAgain(new LedgerProjector(undefined, undefined, 5), 60);
  }, 180_000);

  it('builds the same read models when the projector starts afresh at every batch', async () => {
    // As if the app restarted before each batch: nothing is kept, every stream is read back with
    // its rows — and an organization whose events in the batch are all meetings is not read at
    // all, its meetings' rows added alone.
    const afresh: Projector = {
      name: 'ledger',
      apply: (client, batch) => new LedgerProjector().apply(client, batch),
    };
    await projectedAgain(afresh, 50);
  }, 180_000);

  it('builds the same read models when each batch is computed while the one before is written', async () => {
    await projectedAgain(new LedgerProjector(), 40, true);
  }, 180_000);

  it.each([
    ['in one part', undefined],
    ['in two parts split at a stream', 'inline' as const],
  ])(
    'builds the same read models when a rebuild replays the log stream by stream, %s',
    async (_, parts) => {
      const again = await createTestDatabase();
      try {
        await fastCommits(again);
        await copyLog(log, again);
        const progress: number[] = [];
        const rebuilt = await rebuildReadModels(again.pool, new PostgresEventStore(again.pool), {
          onProgress: (done) => progress.push(done),
          // Pages that end in the middle of streams, which must be carried over whole.
          pageSize: 37,
          parts,
        });
        expect(rebuilt.position).toBe(log.length);
        expect(progress[progress.length - 1]).toBe(log.length);
        expect(await dumpReadModels(again.pool)).toEqual(await dumpReadModels(db.pool));
      } finally {
        await again.drop();
      }
    },
    180_000,
  );
});

/** Whether an answer says more than "nothing": some member, organization, flow or rating. */
function hasSomething(question: keyof Questions, answer: unknown): boolean {
  const a = answer as Record<string, unknown>;
  switch (question) {
    case 'counts':
      return (a.total as number) > 0 || Object.values(a.organizations as object).some((n) => n > 0);
    case 'roster':
      return (a.items as unknown[]).length > 0;
    case 'flows':
      return FLOW_KINDS.some((k) => (a[k] as number) > 0) || (a.disciplined as { total: number }).total > 0;
    case 'flowItems':
      return (answer as unknown[]).length > 0;
    case 'meetings':
      return (a.regularMeetings as number) + (a.thematicMeetings as number) > 0;
    default:
      return (a.members as { total: number }).total + (a.organizations as { total: number }).total > 0;
  }
}

/**
 * Thousands of one-decision appends, each a commit: a throwaway database need not wait for the disk
 * (synchronous_commit only trades durability on a crash, never what a transaction sees).
 */
async function fastCommits(db: TestDatabase): Promise<void> {
  const { rows } = await db.pool.query<{ name: string }>('SELECT current_database() AS name');
  await db.pool.query(`ALTER DATABASE "${rows[0].name}" SET synchronous_commit = off`).catch(() => undefined);
  await db.pool.query('SET synchronous_commit = off');
}

/** The same log, recordedAt and hashes included, in another database (its head moved to the end). */
async function copyLog(log: StoredEvent[], target: TestDatabase): Promise<void> {
  for (let i = 0; i < log.length; i += 2_000) {
    const rows = log.slice(i, i + 2_000);
    await insertEnvelopes(target.pool, rows);
  }
  const last = log[log.length - 1];
  await target.pool.query('UPDATE ledger_head SET global_position = $1, hash = $2, recorded_at = $3', [
    last.globalPosition,
    last.hash,
    last.recordedAt,
  ]);
}
