/**
 * A generated province in a real PostgreSQL: appended through the store in batches, projected by the
 * projector's catch-up, and the read models answering as the oracle (the definition of correct) does.
 */
import { PostgresEventStore, StoredEvent } from '@ledger/event-store';
import { LedgerProjector, Oracle, ProjectionRunner, SqlPointInTime } from '@ledger/projections';
import { createTestDatabase, TestDatabase } from '../../../test/support/test-database';
import { GeneratedProvince, generateProvince } from './generate-province';

describe('a generated province in PostgreSQL', () => {
  let db: TestDatabase;
  let province: GeneratedProvince;
  let log: StoredEvent[];
  let sql: SqlPointInTime;
  let oracle: Oracle;

  beforeAll(async () => {
    db = await createTestDatabase();
    const store = new PostgresEventStore(db.pool);
    province = await generateProvince(store, { seed: 11, members: 300, batchEvents: 1_000 });
    await new ProjectionRunner(db.pool, store, new LedgerProjector()).catchUp();
    log = await store.readAll(0, 1_000_000);
    sql = new SqlPointInTime(db.pool);
    oracle = new Oracle(log);
  }, 60_000);

  afterAll(async () => {
    await db?.drop();
  });

  it('holds every event generated, once, on an unbroken hash chain', async () => {
    expect(log).toHaveLength(province.events);
    expect(new Set(log.map((e) => e.eventId)).size).toBe(province.events);
    expect(await new PostgresEventStore(db.pool).verify()).toMatchObject({
      ok: true,
      checked: province.events,
    });
  });

  it('answers counts and rosters as the oracle does, before and after the 2025 reform', async () => {
    const ids = [province.rootId, ...province.communeIds, ...province.cellIds.slice(0, 3)];
    for (const organizationId of ids)
      for (const asOf of [
        '2010-06-30',
        '2016-01-01',
        '2021-12-31',
        '2025-06-30',
        '2025-07-01',
        '2026-06-30',
      ]) {
        expect(await sql.counts({ organizationId, asOf })).toEqual(
          await oracle.counts({ organizationId, asOf }),
        );
        const roster = { organizationId, asOf, offset: 5, limit: 20 };
        expect(await sql.roster(roster)).toEqual(await oracle.roster(roster));
      }
  });

  it('answers flows, and the events behind them, as the oracle does', async () => {
    for (const organizationId of [province.rootId, ...province.communeIds])
      for (const [from, to] of [
        ['2010-01-01', '2026-06-30'],
        ['2021-06-01', '2024-03-31'],
        ['2025-01-01', '2025-12-31'],
      ]) {
        const flows = await sql.flows({ organizationId, from, to });
        expect(flows).toEqual(await oracle.flows({ organizationId, from, to }));
        const q = { organizationId, from, to, kind: 'disciplined' as const };
        expect(await sql.flowItems(q)).toEqual(await oracle.flowItems(q));
      }
    const all = await sql.flows({ organizationId: province.rootId, from: '2010-01-01', to: '2026-06-30' });
    expect(all.admitted).toBeGreaterThan(50);
    expect(all.disciplined.total).toBeGreaterThan(0);
  });

  it('answers ratings and meetings as the oracle does', async () => {
    for (const organizationId of [province.rootId, ...province.communeIds])
      for (const year of [2012, 2019, 2023, 2025]) {
        expect(await sql.ratings({ organizationId, year })).toEqual(
          await oracle.ratings({ organizationId, year }),
        );
        const meetings = { organizationId, from: `${year}-01-01`, to: `${year}-12-31` };
        expect(await sql.meetings(meetings)).toEqual(await oracle.meetings(meetings));
      }
  });
});
