import { Member, MemberEvent } from '@ledger/domain';
import type { StoredEvent } from '@ledger/event-store/envelope';
import { DISCIPLINE_FORMS, DisciplineForm, FlowItem } from '../point-in-time';
import { MemberTimeline, World } from './world';

type Kind = FlowItem['kind'];

const cellOf = (state: Member): string | undefined => (state.status === 'none' ? undefined : state.cellId);

const itemOf = (kind: Kind, memberId: string, event: StoredEvent): FlowItem => ({
  kind,
  memberId,
  eventId: event.eventId,
  type: event.type,
  effectiveDate: event.effectiveDate,
  ...(typeof event.data.decisionRef === 'string' ? { decisionRef: event.data.decisionRef } : {}),
});

/** The flow an event is for X, if any (SEMANTICS.md rule 7), judged on the tree of its effective date. */
const flowOf = (
  world: World,
  organizationId: string,
  timeline: MemberTimeline,
  index: number,
): { kind: Kind; form?: DisciplineForm } | undefined => {
  const stored = timeline.events[index];
  const date = stored.effectiveDate;
  const subtree = world.subtree(organizationId, date);
  const inSubtree = (cellId: string | undefined) => cellId !== undefined && subtree.has(cellId);
  const before = () => timeline.before(index, date);
  const fromBefore = (kind: Kind) => (inSubtree(cellOf(before())) ? { kind } : undefined);
  const event = stored as unknown as MemberEvent;
  switch (event.type) {
    case 'MemberAdmitted':
      return inSubtree(event.data.cellId) ? { kind: 'admitted' } : undefined;
    case 'MemberReadmitted':
      return inSubtree(event.data.cellId) ? { kind: 'readmitted' } : undefined;
    case 'MembershipMadeOfficial':
      return fromBefore('madeOfficial');
    case 'MemberNameRemoved':
      return fromBefore('nameRemoved');
    case 'MemberExited':
      return fromBefore('exited');
    case 'MemberExpelled':
      return fromBefore('expelled');
    case 'MemberDied':
      return fromBefore('died');
    case 'MemberDisciplined': {
      const form = event.data.form;
      if (!(DISCIPLINE_FORMS as readonly string[]).includes(form)) return undefined;
      return inSubtree(cellOf(before())) ? { kind: 'disciplined', form } : undefined;
    }
    case 'MemberTransferStarted': {
      const { kind, fromCellId, toCellId } = event.data;
      return kind === 'official' && inSubtree(fromCellId) && !inSubtree(toCellId)
        ? { kind: 'transferredOut' }
        : undefined;
    }
    case 'MemberTransferCompleted': {
      if (event.data.kind !== 'official') return undefined;
      const state = before();
      // The transfer's origin as the member's history has it (a merger may have moved it since departure).
      const transfer = state.status === 'none' || state.status === 'candidate' ? undefined : state.transfer;
      const fromCellId = transfer?.fromCellId ?? event.data.fromCellId;
      return inSubtree(event.data.toCellId) && !inSubtree(fromCellId) ? { kind: 'transferredIn' } : undefined;
    }
    default:
      return undefined;
  }
};

/** Every counted member event of the period for X, in global order: the drill-down behind the figures. */
export const flowItemsOf = (world: World, organizationId: string, from: string, to: string): FlowItem[] => {
  const found: { position: number; item: FlowItem }[] = [];
  for (const [memberId, timeline] of world.members) {
    timeline.events.forEach((event, index) => {
      if (event.effectiveDate < from || event.effectiveDate > to) return;
      const flow = flowOf(world, organizationId, timeline, index);
      if (!flow) return;
      const item = itemOf(flow.kind, memberId, event);
      found.push({ position: event.globalPosition, item: flow.form ? { ...item, form: flow.form } : item });
    });
  }
  return found.sort((a, b) => a.position - b.position).map((f) => f.item);
};
