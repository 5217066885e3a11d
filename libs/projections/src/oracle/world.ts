import {
  Member,
  MemberEvent,
  MemberEventType,
  Organization,
  OrganizationEvent,
  evolveMember,
  evolveOrganization,
  initialMemberState,
  initialOrganizationState,
  memberStream,
  organizationStream,
} from '@ledger/domain';
import type { StoredEvent } from '@ledger/event-store/envelope';
import { Timeline, lastAtOrBefore } from './timeline';

/** Every type evolve knows; the compiler keeps these lists complete. Other types are not folded (projections never throw). */
const MEMBER_TYPES: Record<MemberEventType, true> = {
  CandidateNominated: true,
  MemberRegisteredFromRecords: true,
  MemberAdmitted: true,
  MemberReadmitted: true,
  MembershipMadeOfficial: true,
  MemberTransferStarted: true,
  MemberTransferCompleted: true,
  MemberReturnedFromTemporaryTransfer: true,
  MemberReassigned: true,
  MemberExempted: true,
  ExemptionEnded: true,
  MemberAssessed: true,
  MemberDisciplined: true,
  DisciplineAmended: true,
  MemberNameRemoved: true,
  MemberExited: true,
  MemberExpelled: true,
  MemberDied: true,
  PartyCardIssued: true,
  BadgeAwarded: true,
  ProfileUpdated: true,
};
const ORGANIZATION_TYPES: Record<OrganizationEvent['type'], true> = {
  OrganizationEstablished: true,
  OrganizationRenamed: true,
  OrganizationMoved: true,
  OrganizationMerged: true,
  OrganizationDissolved: true,
  OrganizationAssessed: true,
  MeetingHeld: true,
  AdmissionTargetSet: true,
  CommitteeMemberAppointed: true,
};

const MEMBER_PREFIX = memberStream('');
const ORGANIZATION_PREFIX = organizationStream('');

export type MemberTimeline = Timeline<Member, MemberEvent>;
export type OrganizationTimeline = Timeline<Organization, OrganizationEvent>;

const byStream = (events: StoredEvent[], prefix: string, types: Record<string, true>) => {
  const streams = new Map<string, StoredEvent[]>();
  for (const event of events) {
    if (!event.streamId.startsWith(prefix) || !Object.hasOwn(types, event.type)) continue;
    const id = event.streamId.slice(prefix.length);
    const stream = streams.get(id);
    if (stream) stream.push(event);
    else streams.set(id, [event]);
  }
  return streams;
};

/**
 * The world as the corrected known events of one `knownAt` tell it: a timeline per organization and per
 * member (keyed by the id in the stream name), and the tree on any date.
 */
export class World {
  readonly organizations = new Map<string, OrganizationTimeline>();
  readonly members = new Map<string, MemberTimeline>();
  /** The dates an organization event took effect on, sorted: the tree changes only on them. */
  private readonly treeDates: string[];
  private readonly children = new Map<string, Map<string, string[]>>();
  private readonly subtrees = new Map<string, Set<string>>();

  constructor(corrected: StoredEvent[]) {
    for (const [id, events] of byStream(corrected, ORGANIZATION_PREFIX, ORGANIZATION_TYPES))
      this.organizations.set(id, new Timeline(events, evolveOrganization, initialOrganizationState));
    for (const [id, events] of byStream(corrected, MEMBER_PREFIX, MEMBER_TYPES))
      this.members.set(id, new Timeline(events, evolveMember, initialMemberState));
    const dates = [...this.organizations.values()].flatMap((t) => t.events.map((e) => e.effectiveDate));
    this.treeDates = [...new Set(dates)].sort();
  }

  organizationOn(id: string, date: string): Organization {
    return this.organizations.get(id)?.on(date) ?? initialOrganizationState;
  }

  /** SEMANTICS.md rule 4: X itself, and every organization active on D whose parent on D is in the subtree. */
  subtree(organizationId: string, date: string): ReadonlySet<string> {
    const key = `${this.treeKey(date)}|${organizationId}`;
    const cached = this.subtrees.get(key);
    if (cached) return cached;
    const children = this.childrenOn(date);
    const subtree = new Set([organizationId]);
    const pending = [organizationId];
    while (pending.length > 0) {
      for (const child of children.get(pending.pop()!) ?? []) {
        if (subtree.has(child)) continue;
        subtree.add(child);
        pending.push(child);
      }
    }
    this.subtrees.set(key, subtree);
    return subtree;
  }

  /** The last date on or before `date` the tree changed on: the tree on both is the same. */
  private treeKey(date: string): string {
    return this.treeDates[lastAtOrBefore(this.treeDates, date)] ?? '';
  }

  /** Parent → active children on `date`, computed once per stretch of days the tree stays the same. */
  private childrenOn(date: string): Map<string, string[]> {
    const key = this.treeKey(date);
    const cached = this.children.get(key);
    if (cached) return cached;
    const children = new Map<string, string[]>();
    for (const [id, timeline] of this.organizations) {
      const state = timeline.on(date);
      if (state.status !== 'active' || state.parentId === null) continue;
      children.set(state.parentId, [...(children.get(state.parentId) ?? []), id]);
    }
    this.children.set(key, children);
    return children;
  }
}
