import { addDays, applyCorrections, correctRecord } from '@ledger/domain';
import { daysBetween } from '../calendar';
import { MemberRecord, Recorded, World, foldMember } from '../world';

/**
 * Corrections (correctRecord) of records found wrong after they were stored, on the members whose
 * streams the simulation keeps whole. Each kind leaves the published figures alone: dates move within
 * their month and never onto its first or last day, so no figure over whole months changes.
 */

type Change = { effectiveDate?: string; changes?: Record<string, unknown> };

/** The kinds of mistake found, tried in a random order until one applies to the member's record. */
const FINDERS: ((
  record: MemberRecord,
  events: Recorded[],
  world: World,
) => [Recorded, Change] | undefined)[] = [
  // The admission date on the card was misread from the paper file: it was earlier.
  (_record, events, world) => {
    const target = events.find((e) => e.type === 'MemberRegisteredFromRecords');
    if (!target) return undefined;
    const admittedOn = String(target.data.admittedOn);
    return [target, { changes: { admittedOn: addDays(admittedOn, -world.random.int(1, 300)) } }];
  },
  // The birth year of a candidate was typed wrong: born a year earlier (so no age check ever changes).
  (_record, events) => {
    const target = events.find((e) => e.type === 'CandidateNominated');
    if (!target) return undefined;
    return [target, { changes: { birthDate: addDays(String(target.data.birthDate), -365) } }];
  },
  // The ceremony was held a few days from the date recorded (before the recognition was recorded).
  (record, events, world) => {
    const target = events.find((e) => e.type === 'MemberAdmitted');
    if (!target || record.state.status !== 'probationary') return undefined;
    const ceremony = target.effectiveDate;
    const moved = addDays(ceremony, world.random.chance(0.5) ? 2 : -2);
    const inside = (d: string) => d.slice(8) !== '01' && addDays(d, 1).slice(8) !== '01';
    const decided = String(target.data.decisionDate);
    if (moved.slice(0, 7) !== ceremony.slice(0, 7) || !inside(ceremony) || !inside(moved)) return undefined;
    if (moved < decided || moved > world.today || daysBetween(events[0].effectiveDate, moved) < 0)
      return undefined;
    return [target, { effectiveDate: moved, changes: { ceremonyDate: moved } }];
  },
  // A rating copied wrong from the cell's minutes: "completed" where the cell had voted "good".
  (_record, events) => {
    const target = events.find((e) => e.type === 'MemberAssessed' && e.data.rating === 'completed');
    return target ? [target, { changes: { rating: 'good' } }] : undefined;
  },
];

export function correctSomething(world: World, record: MemberRecord): boolean {
  if (!record.tracked || record.tracked.length === 0) return false;
  const current = applyCorrections(record.tracked);
  for (const finder of world.random.shuffle([...FINDERS])) {
    const found = finder(record, current, world);
    if (!found) continue;
    const [target, change] = found;
    const done = world.decide('correctRecord', () => [
      {
        record,
        events: correctRecord(
          {
            streamId: record.streamId,
            correctedEventId: target.eventId,
            reason: 'Sai sót khi nhập hồ sơ, đã đối chiếu bản gốc',
            ...change,
          },
          record.tracked!,
          { today: world.today, fold: foldMember },
        ),
      },
    ]);
    if (done) return true;
  }
  return false;
}
