import { correctRecord, evolveMember, initialMemberState, MemberEvent, memberStream } from '@ledger/domain';
import { Oracle } from './oracle';
import { knownEvents } from './known-events';
import { LogBuilder, aNewMember, aProvince } from './oracle.fixtures';

/** Corrects (or retracts) a record through the domain's own decision, as the API would. */
const correct = (
  log: LogBuilder,
  memberId: string,
  type: string,
  today: string,
  change: { changes?: Record<string, unknown>; retract?: boolean },
) => {
  const streamId = memberStream(memberId);
  const stream = log.stream(streamId);
  const target = stream.find((e) => e.type === type)!;
  const fold = (events: typeof stream) =>
    events.reduce((s, e) => evolveMember(s, e as unknown as MemberEvent), initialMemberState);
  const [event] = correctRecord(
    { streamId, correctedEventId: target.eventId, reason: 'the decision says otherwise', ...change },
    stream,
    { today, fold },
  );
  log.append(streamId, event);
};

describe('Oracle on corrected and retracted records', () => {
  // Two admissions to a1 in March 2024. On 2024-06-01 m-1's is corrected to b1 (another commune);
  // on 2024-07-01 m-2's is retracted.
  const log = aProvince()
    .recordAt('2024-04-01T00:00:00.000Z')
    .member(...aNewMember('m-1', 'Trần Văn An', 'a1', '2024-03-15'))
    .member(...aNewMember('m-2', 'Lê Thị Bình', 'a1', '2024-03-15'));
  const beforeCorrections = log.now;
  log.recordAt('2024-06-01T00:00:00.000Z');
  correct(log, 'm-1', 'MemberAdmitted', '2024-06-01', { changes: { cellId: 'b1' } });
  const corrected = log.now;
  log.recordAt('2024-07-01T00:00:00.000Z');
  correct(log, 'm-2', 'MemberAdmitted', '2024-07-01', { retract: true });
  const oracle = new Oracle(log.log);
  const total = async (organizationId: string, knownAt?: string) =>
    (await oracle.counts({ organizationId, asOf: '2024-04-01', knownAt })).total;
  const admitted = async (organizationId: string, knownAt?: string) =>
    (await oracle.flows({ organizationId, from: '2024-01-01', to: '2024-12-31', knownAt })).admitted;

  it('answers as recorded for an instant before the corrections', async () => {
    expect(await total('a1', beforeCorrections)).toBe(2);
    expect(await total('b1', beforeCorrections)).toBe(0);
    expect(await admitted('commune-a', beforeCorrections)).toBe(2);
  });

  it('moves the corrected admission to its true cell once the correction is known', async () => {
    expect(await total('a1', corrected)).toBe(1);
    expect(await total('b1', corrected)).toBe(1);
    expect(await admitted('commune-a', corrected)).toBe(1);
    expect(await admitted('commune-b', corrected)).toBe(1);
  });

  it('leaves the retracted admission out once the retraction is known', async () => {
    expect(await total('a1')).toBe(0);
    expect(await total('commune-b')).toBe(1);
    expect(await admitted('commune-a')).toBe(0);
    const roster = await oracle.roster({ organizationId: 'p', asOf: '2024-04-01', offset: 0, limit: 10 });
    expect(roster.items.map((i) => [i.memberId, i.cellId])).toEqual([['m-1', 'b1']]);
  });

  it('never shows the correction events themselves', () => {
    const types = knownEvents(log.log).map((e) => e.type);
    expect(types).not.toContain('RecordCorrected');
    expect(types).not.toContain('RecordRetracted');
    expect(types.filter((t) => t === 'MemberAdmitted')).toHaveLength(1);
  });
});
