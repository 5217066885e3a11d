import { ORGANIZATION_KINDS, OrganizationKind } from '@ledger/domain';
import type { StoredEvent } from '@ledger/event-store/envelope';
import {
  Counts,
  CountsQuery,
  DISCIPLINE_FORMS,
  FLOW_KINDS,
  FlowItem,
  FlowKind,
  Flows,
  FlowsQuery,
  MeetingsQuery,
  CasesQuery,
  CaseListItem,
  MeetingStatistics,
  PointInTime,
  Ratings,
  RatingsQuery,
  Roster,
  RosterQuery,
} from '../point-in-time';
import { flowItemsOf } from './flows';
import { knownEvents } from './known-events';
import { byNameThenId, membersCountedIn } from './members-on';
import { casesOf } from './cases';
import { meetingsOf } from './meetings';
import { ratingsOf } from './ratings';
import { World } from './world';

/**
 * The definition of correct: every question of SEMANTICS.md answered by replaying the log given, literally.
 * The corrected known events and the per-stream timelines are built once per `knownAt` asked about; each
 * question then replays them.
 */
export class Oracle implements PointInTime {
  private readonly log: readonly StoredEvent[];
  private readonly worlds = new Map<string, World>();

  /** `log`: the whole log (any order; it is read in global order). */
  constructor(log: readonly StoredEvent[]) {
    this.log = [...log].sort((a, b) => a.globalPosition - b.globalPosition);
  }

  async cases(q: CasesQuery): Promise<CaseListItem[]> {
    return casesOf(this.world(q.knownAt), knownEvents(this.log, q.knownAt), q);
  }

  async meetings(q: MeetingsQuery): Promise<MeetingStatistics> {
    return meetingsOf(this.world(q.knownAt), q);
  }

  async counts(q: CountsQuery): Promise<Counts> {
    const world = this.world(q.knownAt);
    const members = membersCountedIn(world, q.organizationId, q.asOf);
    const organizations = Object.fromEntries(ORGANIZATION_KINDS.map((k) => [k, 0])) as Record<
      OrganizationKind,
      number
    >;
    for (const id of world.subtree(q.organizationId, q.asOf)) {
      const state = world.organizationOn(id, q.asOf);
      if (id !== q.organizationId && state.status !== 'none') organizations[state.kind] += 1;
    }
    return {
      organizationId: q.organizationId,
      asOf: q.asOf,
      total: members.length,
      probationary: members.filter((m) => m.status === 'probationary').length,
      official: members.filter((m) => m.status === 'official').length,
      exempted: members.filter((m) => m.exempted).length,
      organizations,
    };
  }

  async roster(q: RosterQuery): Promise<Roster> {
    const members = membersCountedIn(this.world(q.knownAt), q.organizationId, q.asOf)
      .filter((m) => q.status === undefined || m.status === q.status)
      .sort(byNameThenId);
    return { total: members.length, items: members.slice(q.offset, q.offset + q.limit) };
  }

  async flows(q: FlowsQuery): Promise<Flows> {
    const items = flowItemsOf(this.world(q.knownAt), q.organizationId, q.from, q.to);
    const count = (kind: FlowItem['kind']) => items.filter((i) => i.kind === kind).length;
    const kinds = Object.fromEntries(FLOW_KINDS.map((k) => [k, count(k)])) as Record<FlowKind, number>;
    const disciplined = Object.fromEntries(
      DISCIPLINE_FORMS.map((f) => [f, items.filter((i) => i.kind === 'disciplined' && i.form === f).length]),
    ) as Flows['disciplined'];
    return {
      ...kinds,
      organizationId: q.organizationId,
      from: q.from,
      to: q.to,
      disciplined: { ...disciplined, total: count('disciplined') },
    };
  }

  async flowItems(q: FlowsQuery & { kind: FlowKind | 'disciplined' }): Promise<FlowItem[]> {
    return flowItemsOf(this.world(q.knownAt), q.organizationId, q.from, q.to).filter(
      (i) => i.kind === q.kind,
    );
  }

  async ratings(q: RatingsQuery): Promise<Ratings> {
    return ratingsOf(this.world(q.knownAt), q);
  }

  private world(knownAt?: string): World {
    const key = knownAt ?? '';
    let world = this.worlds.get(key);
    if (!world) {
      world = new World(knownEvents(this.log, knownAt));
      this.worlds.set(key, world);
    }
    return world;
  }
}
