import {
  countedInCell,
  DomainEvent,
  evolveMember,
  initialMemberState,
  Member,
  MemberEvent,
  NO_RATINGS,
  YearRatings,
} from '@ledger/domain';
import { FlowKind } from '../point-in-time';
import { total } from './total-evolve';

import { Segment, timeline, TimelineBuilder } from './timeline';

const evolveTotal = total(evolveMember);
/** What the member timeline stores for a date range. */
export interface MemberRow {
  status: string;
  fullName: string;
  registeredCellId: string | null;
  countedCellId: string | null;
  exemptFrom: string | null;
  exemptUntil: string | null;
}

export interface FlowRow {
  eventId: string;
  position: number;
  type: string;
  kind: FlowKind | 'disciplined';
  effectiveDate: string;
  cellId: string | null;
  otherCellId: string | null;
  form: string | null;
  decisionRef: string | null;
}

export interface PositionedEvent extends DomainEvent {
  eventId: string;
  globalPosition: number;
}

const fold = (events: readonly DomainEvent[]): Member =>
  events.reduce((s, e) => evolveTotal(s, e as MemberEvent), initialMemberState);

const memberRow = (state: Member): MemberRow | null => {
  if (state.status === 'none') return null;
  const exemption = 'exemption' in state ? state.exemption : undefined;
  return {
    status: state.status,
    fullName: state.fullName,
    registeredCellId: state.cellId ?? null,
    countedCellId: countedInCell(state),
    exemptFrom: exemption?.since ?? null,
    exemptUntil: exemption?.until ?? null,
  };
};

export const memberTimeline = (events: readonly DomainEvent[]): Segment<MemberRow>[] =>
  timeline(
    events,
    (s: Member, e: DomainEvent) => evolveTotal(s, e as MemberEvent),
    initialMemberState,
    memberRow,
  );

const SIMPLE: Record<string, FlowKind | 'disciplined'> = {
  MembershipMadeOfficial: 'madeOfficial',
  MemberNameRemoved: 'nameRemoved',
  MemberExited: 'exited',
  MemberExpelled: 'expelled',
  MemberDied: 'died',
  MemberDisciplined: 'disciplined',
};

const cellOf = (state: Member): string | null => (state.status === 'none' ? null : state.cellId);

/** The member events that figures count, each with the cell it is attributed to (SEMANTICS.md rule 7). */
export function memberFlows(events: readonly PositionedEvent[]): FlowRow[] {
  const rows: FlowRow[] = [];
  // When effective dates never go backwards along the stream, "the events before E dated on or
  // before it" are all the events before E: the running fold, instead of a fold per event.
  const inOrder = events.every((e, i) => i === 0 || events[i - 1].effectiveDate <= e.effectiveDate);
  let running: Member = initialMemberState;
  events.forEach((e, i) => {
    const prefix = running;
    if (inOrder) running = evolveTotal(running, e as unknown as MemberEvent);
    const row = flowRow(e, () =>
      inOrder ? prefix : fold(events.filter((x, j) => j < i && x.effectiveDate <= e.effectiveDate)),
    );
    if (row) rows.push(row);
  });
  return rows;
}

/** The flow `e` counts, if any; `before` is the member as the events before it dated on or before it left them. */
function flowRow(e: PositionedEvent, before: () => Member): FlowRow | undefined {
  const data = e.data as Record<string, string | undefined>;
  const row = (kind: FlowRow['kind'], cellId: string | null, otherCellId: string | null = null): FlowRow => ({
    eventId: e.eventId,
    position: e.globalPosition,
    type: e.type,
    kind,
    effectiveDate: e.effectiveDate,
    cellId,
    otherCellId,
    form: kind === 'disciplined' ? (data.form ?? null) : null,
    decisionRef: data.decisionRef ?? null,
  });
  if (e.type === 'MemberAdmitted') return row('admitted', data.cellId ?? null);
  if (e.type === 'MemberReadmitted') return row('readmitted', data.cellId ?? null);
  if (SIMPLE[e.type]) return row(SIMPLE[e.type], cellOf(before()));
  if (e.type === 'MemberTransferStarted' && data.kind === 'official')
    return row('transferredOut', data.fromCellId ?? null, data.toCellId ?? null);
  if (e.type === 'MemberTransferCompleted' && data.kind === 'official') {
    // Into the cell actually arrived at (the event's toCellId: the transfer's target may have merged
    // meanwhile); from the origin as the member's history has it (a merger may have moved it since).
    const transfer = (before() as { transfer?: { fromCellId: string } }).transfer;
    return row('transferredIn', data.toCellId ?? null, transfer?.fromCellId ?? data.fromCellId ?? null);
  }
  return undefined;
}

/** The yearly ratings of the fully folded member. */
export const memberRatings = (events: readonly DomainEvent[]): YearRatings => {
  const state = fold(events);
  return state.status === 'none' || state.status === 'candidate' ? [] : state.ratings;
};

/**
 * A member stream's rows, kept up to date event by event while its events arrive in date order
 * (the common case): one evolve per event instead of a refold of the stream. It gives the same rows
 * as memberTimeline, memberFlows and memberRatings of the same events. `push` refuses an event
 * dated before an earlier one (those functions must then be used on the whole stream); its state
 * is then no longer usable.
 */
export class MemberRows {
  private state: Member = initialMemberState;
  private segments = new TimelineBuilder(memberRow);
  private readonly flowRows: FlowRow[] = [];
  private last = '';

  /**
   * The rows of a whole stream (corrections applied), kept from then on: events in date order are
   * pushed one by one; otherwise the rows come from memberTimeline and memberFlows, and later
   * events dated on or after the latest one extend them as usual. So a stream with one event dated
   * back costs one whole-stream fold then, not one for every later batch.
   */
  static of(events: readonly PositionedEvent[]): MemberRows {
    const pushed = new MemberRows();
    if (events.every((e) => pushed.push(e))) return pushed;
    const rows = new MemberRows();
    rows.state = fold(events);
    rows.last = events.reduce((max, e) => (e.effectiveDate > max ? e.effectiveDate : max), '');
    rows.flowRows.push(...memberFlows(events));
    rows.segments = TimelineBuilder.continuing(memberRow, memberTimeline(events), rows.last, rows.state);
    return rows;
  }

  /** Whether `push` would refuse one of these events (the next ones, in log order). */
  refuses(events: readonly { effectiveDate: string }[]): boolean {
    let last = this.last;
    for (const e of events) {
      if (e.effectiveDate < last) return true;
      last = e.effectiveDate;
    }
    return false;
  }

  push(e: PositionedEvent): boolean {
    if (e.effectiveDate < this.last) return false;
    this.last = e.effectiveDate;
    const before = this.state;
    this.state = evolveTotal(before, e as unknown as MemberEvent);
    const flow = flowRow(e, () => before);
    if (flow) this.flowRows.push(flow);
    return this.segments.push(e.effectiveDate, this.state);
  }

  timeline(): Segment<MemberRow>[] {
    return this.segments.segments();
  }

  /** Whether the timeline may have changed since the last call (a rating alone leaves it as it was). */
  takeTimelineChanged(): boolean {
    return this.segments.takeChanged();
  }

  flows(): readonly FlowRow[] {
    return this.flowRows;
  }

  ratings(): YearRatings {
    const s = this.state;
    return s.status === 'none' || s.status === 'candidate' ? NO_RATINGS : s.ratings;
  }
}
