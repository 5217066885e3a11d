import {
  countedInCell,
  DomainEvent,
  evolveMember,
  initialMemberState,
  Member,
  MemberEvent,
} from '@ledger/domain';
import { FlowKind } from '../point-in-time';
import { total } from './total-evolve';

const evolveTotal = total(evolveMember);
import { Segment, timeline } from './timeline';

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

export const memberTimeline = (events: readonly DomainEvent[]): Segment<MemberRow>[] =>
  timeline(
    events,
    (s: Member, e: DomainEvent) => evolveTotal(s, e as MemberEvent),
    initialMemberState,
    (state) => {
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
    },
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
    const data = e.data as Record<string, string | undefined>;
    const prefix = running;
    if (inOrder) running = evolveTotal(running, e as unknown as MemberEvent);
    const before = () =>
      inOrder ? prefix : fold(events.filter((x, j) => j < i && x.effectiveDate <= e.effectiveDate));
    const row = (
      kind: FlowRow['kind'],
      cellId: string | null,
      otherCellId: string | null = null,
    ): FlowRow => ({
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
    if (e.type === 'MemberAdmitted') rows.push(row('admitted', data.cellId ?? null));
    else if (e.type === 'MemberReadmitted') rows.push(row('readmitted', data.cellId ?? null));
    else if (SIMPLE[e.type]) rows.push(row(SIMPLE[e.type], cellOf(before())));
    else if (e.type === 'MemberTransferStarted' && data.kind === 'official')
      rows.push(row('transferredOut', data.fromCellId ?? null, data.toCellId ?? null));
    else if (e.type === 'MemberTransferCompleted' && data.kind === 'official') {
      // Into the cell actually arrived at (the event's toCellId: the transfer's target may have merged
      // meanwhile); from the origin as the member's history has it (a merger may have moved it since).
      const transfer = (before() as { transfer?: { fromCellId: string } }).transfer;
      rows.push(row('transferredIn', data.toCellId ?? null, transfer?.fromCellId ?? data.fromCellId ?? null));
    }
  });
  return rows;
}

/** year → rating of the fully folded member. */
export const memberRatings = (events: readonly DomainEvent[]): Record<number, string> => {
  const state = fold(events);
  return state.status === 'none' || state.status === 'candidate' ? {} : { ...state.ratings };
};
