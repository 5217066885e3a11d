import { applyCorrections } from '@ledger/domain';
import { generateHistory } from '../testing/history-generator';
import { memberFlows, memberRatings, MemberRows, memberTimeline, PositionedEvent } from './member-rows';
import {
  organizationMeetings,
  organizationRatings,
  OrganizationRows,
  organizationTimeline,
} from './organization-rows';

/** Every stream of a few generated histories, as the projector sees them (corrections applied). */
function streams(prefix: string): PositionedEvent[][] {
  const byStream = new Map<string, PositionedEvent[]>();
  let position = 0;
  for (const seed of [11, 12, 13])
    for (const decision of generateHistory(seed).decisions)
      for (const a of decision.appends)
        for (const e of a.events) {
          if (!a.streamId.startsWith(prefix)) continue;
          const list = byStream.get(a.streamId) ?? [];
          list.push({
            eventId: e.eventId ?? `e${position}`,
            globalPosition: ++position,
            type: e.type,
            data: e.data,
            effectiveDate: e.effectiveDate,
          });
          byStream.set(a.streamId, list);
        }
  return [...byStream.values()].map((events) => applyCorrections(events));
}

/** Pushes `events` into fresh rows in two parts split at `at`; undefined when a push was refused. */
function pushed<R extends { push(e: PositionedEvent): boolean; refuses(e: PositionedEvent[]): boolean }>(
  rows: R,
  events: PositionedEvent[],
  at: number,
): R | undefined {
  for (const part of [events.slice(0, at), events.slice(at)]) {
    const refuses = rows.refuses(part);
    const accepted = part.every((e) => rows.push(e));
    // refuses() foretells push(), so the projector can read a stream's history before it needs it.
    expect(refuses).toBe(!accepted);
    if (!accepted) return undefined;
  }
  return rows;
}

describe('rows kept event by event', () => {
  const members = streams('member-');
  const organizations = streams('organization-');

  it('has streams of both kinds to compare, some of them dated back', () => {
    expect(members.length).toBeGreaterThan(50);
    expect(organizations.length).toBeGreaterThan(10);
    const datedBack = (events: PositionedEvent[]) =>
      events.some((e, i) => i > 0 && e.effectiveDate < events[i - 1].effectiveDate);
    expect(members.filter(datedBack).length).toBeGreaterThan(0);
  });

  it('give a member the rows its whole stream gives, however the events arrive, or refuse', () => {
    let kept = 0;
    for (const events of members) {
      const at = Math.floor(events.length / 2);
      const rows = pushed(new MemberRows(), events, at);
      const inOrder = events.every((e, i) => i === 0 || events[i - 1].effectiveDate <= e.effectiveDate);
      expect(rows !== undefined).toBe(inOrder);
      if (!rows) continue;
      kept++;
      expect(rows.timeline()).toEqual(memberTimeline(events));
      expect(rows.flows()).toEqual(memberFlows(events));
      expect(rows.ratings()).toEqual(memberRatings(events));
    }
    expect(kept).toBeGreaterThan(members.length / 2);
  });

  it('give an organization the rows its whole stream gives; meetings recorded late do not matter', () => {
    let kept = 0;
    for (const events of organizations) {
      const rows = pushed(new OrganizationRows(), events, Math.floor(events.length / 3));
      if (!rows) continue;
      kept++;
      expect(rows.timeline()).toEqual(organizationTimeline(events));
      expect(rows.meetings()).toEqual(organizationMeetings(events));
      expect(rows.ratings()).toEqual(organizationRatings(events));
    }
    expect(kept).toBeGreaterThan(organizations.length / 2);
  });

  /**
   * Every prefix of every stream taken whole (`of`), then the rest pushed: the whole stream's rows,
   * or a refusal that refuses() foretold. Returns how many continued past an event dated back.
   */
  function continued<R extends { push(e: PositionedEvent): boolean; refuses(e: PositionedEvent[]): boolean }>(
    all: PositionedEvent[][],
    of: (events: PositionedEvent[]) => R,
    expectWhole: (rows: R, events: PositionedEvent[]) => void,
  ): number {
    let pastDatedBack = 0;
    for (const events of all)
      for (let at = 1; at < events.length; at++) {
        const head = events.slice(0, at);
        const rows = of(head);
        expectWhole(rows, head);
        const rest = events.slice(at);
        const refuses = rows.refuses(rest);
        const accepted = rest.every((e) => rows.push(e));
        expect(refuses).toBe(!accepted);
        if (!accepted) continue;
        expectWhole(rows, events);
        if (head.some((e, i) => i > 0 && e.effectiveDate < head[i - 1].effectiveDate)) pastDatedBack++;
      }
    return pastDatedBack;
  }

  it('carry on a member stream taken whole, events dated back included, as if built event by event', () => {
    const pastDatedBack = continued(
      members,
      (events) => MemberRows.of(events),
      (rows, events) => {
        expect(rows.timeline()).toEqual(memberTimeline(events));
        expect(rows.flows()).toEqual(memberFlows(events));
        expect(rows.ratings()).toEqual(memberRatings(events));
      },
    );
    expect(pastDatedBack).toBeGreaterThan(0);
  });

  it('carry on an organization stream taken whole, as if built event by event', () => {
    continued(
      organizations,
      (events) => OrganizationRows.of(events),
      (rows, events) => {
        expect(rows.timeline()).toEqual(organizationTimeline(events));
        expect(rows.meetings()).toEqual(organizationMeetings(events));
        expect(rows.ratings()).toEqual(organizationRatings(events));
      },
    );
  });

  it('say when a member timeline may have changed: not for a rating alone', () => {
    const events = members.find((s) => s.some((e) => e.type === 'MemberAssessed') && s.length > 3)!;
    const rows = new MemberRows();
    for (const e of events) {
      const before = rows.timeline();
      if (!rows.push(e)) return;
      const changed = rows.takeTimelineChanged();
      if (!changed) expect(rows.timeline()).toEqual(before);
      if (e.type === 'MemberAssessed') expect(changed).toBe(false);
    }
  });
});
