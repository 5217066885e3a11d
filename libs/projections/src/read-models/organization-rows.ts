import {
  DomainEvent,
  evolveOrganization,
  initialOrganizationState,
  Organization,
  OrganizationEvent,
  NO_RATINGS,
  YearRatings,
} from '@ledger/domain';
import { OrgRow } from './closure';
import { total } from './total-evolve';
import { PositionedEvent } from './member-rows';
import { Segment, timeline, TimelineBuilder } from './timeline';

/** Events that change what the tree stores; ratings, meetings and targets do not. */
const TREE_EVENTS = new Set([
  'OrganizationEstablished',
  'OrganizationRenamed',
  'OrganizationMoved',
  'OrganizationMerged',
  'OrganizationDissolved',
]);

const evolve = total((s: Organization, e: DomainEvent) => evolveOrganization(s, e as OrganizationEvent));

const orgRow = (state: Organization): OrgRow | null =>
  state.status === 'none'
    ? null
    : { status: state.status, kind: state.kind, name: state.name, parentId: state.parentId };

export const organizationTimeline = (events: readonly DomainEvent[]): Segment<OrgRow>[] =>
  timeline(
    events.filter((e) => TREE_EVENTS.has(e.type)),
    evolve,
    initialOrganizationState,
    orgRow,
  );

export const organizationRatings = (events: readonly DomainEvent[]): YearRatings => {
  const state = events.reduce(evolve, initialOrganizationState);
  return state.status === 'none' ? [] : state.ratings;
};

export interface MeetingRow {
  eventId: string;
  meetingKind: string;
  heldOn: string;
  expected: number;
  present: number;
}

/** The meetings an organization's events record, one row each. */
export const organizationMeetings = (events: readonly PositionedEvent[]): MeetingRow[] =>
  events.flatMap((e) => {
    const row = meetingRow(e);
    return row ? [row] : [];
  });

const meetingRow = (e: PositionedEvent): MeetingRow | undefined => {
  if (e.type !== 'MeetingHeld') return undefined;
  const d = e.data as { meetingKind: string; heldOn: string; expected: number; present: number };
  return {
    eventId: e.eventId,
    meetingKind: d.meetingKind,
    heldOn: d.heldOn,
    expected: d.expected,
    present: d.present,
  };
};

/**
 * An organization stream's rows kept up to date event by event, the same rows as
 * organizationTimeline, organizationRatings and organizationMeetings of the same events. Only the
 * tree events need date order (meetings are often recorded late, and do not matter to the tree);
 * `push` refuses a tree event dated before an earlier one, and the state is then no longer usable.
 */
export class OrganizationRows {
  private state: Organization = initialOrganizationState;
  private tree: Organization = initialOrganizationState;
  private segments = new TimelineBuilder(orgRow);
  private readonly meetingRows: MeetingRow[] = [];
  private treeChanged = false;
  private lastTreeDate = '';

  /**
   * The rows of a whole stream (corrections applied), kept from then on: as MemberRows.of, tree
   * events dated back are folded once, and later ones dated on or after the latest extend them.
   */
  static of(events: readonly PositionedEvent[]): OrganizationRows {
    const pushed = new OrganizationRows();
    if (events.every((e) => pushed.push(e))) return pushed;
    const rows = new OrganizationRows();
    const treeEvents = events.filter((e) => TREE_EVENTS.has(e.type));
    rows.state = events.reduce(evolve, initialOrganizationState);
    rows.tree = treeEvents.reduce(evolve, initialOrganizationState);
    rows.lastTreeDate = treeEvents.reduce((max, e) => (e.effectiveDate > max ? e.effectiveDate : max), '');
    rows.meetingRows.push(...organizationMeetings(events));
    rows.segments = TimelineBuilder.continuing(
      orgRow,
      organizationTimeline(events),
      rows.lastTreeDate || undefined,
      rows.tree,
    );
    return rows;
  }

  /** Whether `push` would refuse one of these events (the next ones, in log order). */
  refuses(events: readonly { type: string; effectiveDate: string }[]): boolean {
    let last = this.lastTreeDate;
    for (const e of events) {
      if (!TREE_EVENTS.has(e.type)) continue;
      if (e.effectiveDate < last) return true;
      last = e.effectiveDate;
    }
    return false;
  }

  push(e: PositionedEvent): boolean {
    this.state = evolve(this.state, e);
    const meeting = meetingRow(e);
    if (meeting) this.meetingRows.push(meeting);
    if (!TREE_EVENTS.has(e.type)) return true;
    this.treeChanged = true;
    this.tree = evolve(this.tree, e);
    if (e.effectiveDate > this.lastTreeDate) this.lastTreeDate = e.effectiveDate;
    return this.segments.push(e.effectiveDate, this.tree);
  }

  /** Whether a tree event arrived since the last call (meetings and ratings leave the timeline as it was). */
  takeTreeChanged(): boolean {
    const changed = this.treeChanged;
    this.treeChanged = false;
    return changed;
  }

  timeline(): Segment<OrgRow>[] {
    return this.segments.segments();
  }

  meetings(): readonly MeetingRow[] {
    return this.meetingRows;
  }

  ratings(): YearRatings {
    return this.state.status === 'none' ? NO_RATINGS : this.state.ratings;
  }
}
