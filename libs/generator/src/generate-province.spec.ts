import { createHash } from 'node:crypto';
import { Oracle } from '@ledger/projections';
import { GeneratedProvince, generateProvince } from './generate-province';
import { MemoryLog } from './testing/memory-log';

const generate = async (seed: number, members = 300, batchEvents?: number) => {
  const log = new MemoryLog();
  const province = await generateProvince(log, { seed, members, ...(batchEvents ? { batchEvents } : {}) });
  return { log, province };
};

/** Everything the generator decides, in log order: what "the same events" means. */
const fingerprint = (log: MemoryLog) =>
  createHash('sha256')
    .update(JSON.stringify(log.events.map(({ recordedAt: _r, hash: _h, ...event }) => event)))
    .digest('hex');

describe('generateProvince', () => {
  let first: { log: MemoryLog; province: GeneratedProvince };

  beforeAll(async () => {
    first = await generate(7);
  });

  describe('the same seed', () => {
    it('gives the same events, ids included, whatever the batch size', async () => {
      const again = await generate(7);
      const smallBatches = await generate(7, 300, 700);
      expect(again.log.events.length).toBe(first.log.events.length);
      expect(fingerprint(again.log)).toBe(fingerprint(first.log));
      expect(again.province).toEqual(first.province);
      // Batches cut elsewhere regroup events within an append, never change them.
      const byId = (log: MemoryLog) =>
        JSON.stringify(
          [...log.events]
            .sort((a, b) => (a.eventId < b.eventId ? -1 : 1))
            .map((e) => [e.eventId, e.streamId, e.streamVersion, e.type, e.data, e.effectiveDate]),
        );
      expect(byId(smallBatches.log)).toBe(byId(first.log));
      expect(smallBatches.log.appends.length).toBeGreaterThan(first.log.appends.length);
    });
  });

  describe('another seed', () => {
    it('gives another province with ids of its own', async () => {
      const other = await generate(8);
      const ids = new Set(first.log.events.map((e) => e.eventId));
      expect(other.log.events.some((e) => ids.has(e.eventId))).toBe(false);
      expect(other.province.rootId).not.toBe(first.province.rootId);
    });
  });

  describe('a province of 300 members', () => {
    it('holds about fifteen to thirty events per member, of every kind the brief lists', () => {
      const { log, province } = first;
      expect(province.events).toBe(log.events.length);
      expect(province.events / 300).toBeGreaterThan(15);
      expect(province.events / 300).toBeLessThan(30);
      const types = new Set(log.events.map((e) => e.type));
      for (const type of [
        'MemberRegisteredFromRecords',
        'CandidateNominated',
        'MemberAdmitted',
        'MembershipMadeOfficial',
        'MemberAssessed',
        'OrganizationAssessed',
        'DisciplineCaseOpened',
        'DisciplineDecided',
        'MemberDisciplined',
        'MemberTransferStarted',
        'MemberTransferCompleted',
        'MemberExempted',
        'MemberDied',
        'MemberNameRemoved',
        'MeetingHeld',
        'RecordCorrected',
        'OrganizationMoved',
        'OrganizationMerged',
        'OrganizationDissolved',
      ])
        expect(types).toContain(type);
    });

    it('appends in batches of about batchEvents, each stream at the version the previous batch left', async () => {
      // The batch is cut between tasks; the largest task of this province (a commune's yearly review) is
      // a few hundred events.
      const { log } = await generate(7, 300, 500);
      const sizes = log.appends.map((a) => a.reduce((n, s) => n + s.events.length, 0));
      expect(Math.min(...sizes.slice(0, -1))).toBeGreaterThanOrEqual(500);
      expect(Math.max(...sizes)).toBeLessThan(500 + 300);
      const versions = new Map<string, number>();
      for (const batch of log.appends)
        for (const { streamId, expectedVersion, events } of batch) {
          expect(expectedVersion).toBe(versions.has(streamId) ? versions.get(streamId) : 'no_stream');
          versions.set(streamId, (versions.get(streamId) ?? -1) + events.length);
        }
    });

    it('appends a discipline decision and its effect on the member together, the member events caused by the decision', () => {
      const { log } = first;
      const decided = log.events.filter((e) => e.type === 'DisciplineDecided');
      expect(decided.length).toBeGreaterThan(0);
      for (const decision of decided) {
        const effects = log.events.filter((e) => e.metadata.causationId === decision.eventId);
        expect(effects.map((e) => e.type)).toContain('MemberDisciplined');
        for (const effect of effects) expect(effect.recordedAt).toBe(decision.recordedAt);
      }
    });

    it('records many decisions after they took effect, in recording order', () => {
      const late = first.log.events.filter(
        (e) => e.type === 'MembershipMadeOfficial' && (e.data.decidedOn as string) > e.effectiveDate,
      );
      expect(late.length).toBeGreaterThan(0);
      const effective = first.log.events.map((e) => e.effectiveDate);
      const outOfOrder = effective.filter((d, i) => i > 0 && d < effective[i - 1]).length;
      expect(outOfOrder).toBeGreaterThan(first.log.events.length / 10);
    });

    it('ends with the districts dissolved and every commune under the province (the 2025 reform)', async () => {
      const oracle = new Oracle(first.log.events);
      const before = await oracle.counts({ organizationId: first.province.rootId, asOf: '2025-06-30' });
      const after = await oracle.counts({ organizationId: first.province.rootId, asOf: '2025-07-01' });
      expect(before.organizations.district_committee).toBeGreaterThan(0);
      expect(after.organizations.district_committee).toBe(0);
      expect(after.organizations.base_committee).toBeLessThan(before.organizations.base_committee);
      expect(after.organizations.cell).toBe(before.organizations.cell);
      // Nobody is left outside the new communes: the province's members are all under its direct children.
      const children = first.log.events
        .filter((e) => e.type === 'OrganizationMoved' && e.data.toParentId === first.province.rootId)
        .map((e) => e.data.organizationId as string);
      const under = await Promise.all(
        children.map((organizationId) => oracle.counts({ organizationId, asOf: '2025-07-01' })),
      );
      expect(under.reduce((n, c) => n + c.total, 0)).toBe(after.total);
    });

    it('keeps the ASM-3 quota in every base organization and year: excellent ≤ 20% of good or better', async () => {
      const oracle = new Oracle(first.log.events);
      const bases = [
        ...new Set(
          first.log.events
            .filter(
              (e) =>
                e.type === 'OrganizationEstablished' &&
                ['base_committee', 'base_cell'].includes(e.data.kind as string),
            )
            .map((e) => e.data.organizationId as string),
        ),
      ];
      let rated = 0;
      for (const organizationId of bases)
        for (let year = 2010; year <= 2025; year++) {
          const ratings = await oracle.ratings({ organizationId, year });
          rated += ratings.members.total;
          expect({ organizationId, year, ...ratings.excellentQuota }).toMatchObject({ holds: true });
        }
      expect(rated).toBeGreaterThan(300 * 10);
    });
  });
});
