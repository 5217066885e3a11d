import { MeetingsQuery, MeetingStatistics, periodUnits } from '../point-in-time';
import { World } from './world';

interface Held {
  meetingKind: string;
  heldOn: string;
  expected: number;
  present: number;
}

/** SEMANTICS.md rule 9, by replay. */
export function meetingsOf(world: World, q: MeetingsQuery): MeetingStatistics {
  const { months, quarters } = periodUnits(q.from, q.to);
  const cells = [...world.subtree(q.organizationId, q.to)].filter((id) => {
    const state = world.organizationOn(id, q.to);
    return state.status === 'active' && (state.kind === 'cell' || state.kind === 'base_cell');
  });
  let monthly = 0;
  let quarterly = 0;
  let regular = 0;
  let thematic = 0;
  let present = 0;
  let expected = 0;
  for (const id of cells) {
    const held = (world.organizations.get(id)?.events ?? [])
      .filter((e) => e.type === 'MeetingHeld')
      .map((e) => e.data as unknown as Held)
      .filter((m) => q.from <= m.heldOn && m.heldOn <= q.to);
    const regularMonths = new Set(
      held.filter((m) => m.meetingKind === 'regular').map((m) => m.heldOn.slice(0, 7)),
    );
    const thematicQuarters = new Set(
      held
        .filter((m) => m.meetingKind === 'thematic')
        .map((m) => `${m.heldOn.slice(0, 4)}-Q${Math.floor((Number(m.heldOn.slice(5, 7)) - 1) / 3)}`),
    );
    if (regularMonths.size === months) monthly += 1;
    if (thematicQuarters.size === quarters) quarterly += 1;
    regular += held.filter((m) => m.meetingKind === 'regular').length;
    thematic += held.filter((m) => m.meetingKind === 'thematic').length;
    present += held.reduce((s, m) => s + m.present, 0);
    expected += held.reduce((s, m) => s + m.expected, 0);
  }
  const attendance = expected > 0 ? present / expected : null;
  return {
    organizationId: q.organizationId,
    from: q.from,
    to: q.to,
    cells: cells.length,
    months,
    cellsMeetingEveryMonth: monthly,
    shareMeetingEveryMonth: cells.length ? monthly / cells.length : 0,
    quarters,
    cellsWithThematicEveryQuarter: quarterly,
    shareThematicEveryQuarter: cells.length ? quarterly / cells.length : 0,
    regularMeetings: regular,
    thematicMeetings: thematic,
    attendance,
    attendanceAbove85: attendance !== null && attendance > 0.85,
  };
}
