import {
  DomainEvent,
  evolveOrganization,
  initialOrganizationState,
  Organization,
  OrganizationEvent,
} from '@ledger/domain';
import { OrgRow } from './closure';
import { total } from './total-evolve';
import { Segment, timeline } from './timeline';

/** Events that change what the tree stores; ratings, meetings and targets do not. */
const TREE_EVENTS = new Set([
  'OrganizationEstablished',
  'OrganizationRenamed',
  'OrganizationMoved',
  'OrganizationMerged',
  'OrganizationDissolved',
]);

const evolve = total((s: Organization, e: DomainEvent) => evolveOrganization(s, e as OrganizationEvent));

export const organizationTimeline = (events: readonly DomainEvent[]): Segment<OrgRow>[] =>
  timeline(
    events.filter((e) => TREE_EVENTS.has(e.type)),
    evolve,
    initialOrganizationState,
    (state): OrgRow | null =>
      state.status === 'none'
        ? null
        : { status: state.status, kind: state.kind, name: state.name, parentId: state.parentId },
  );

export const organizationRatings = (events: readonly DomainEvent[]): Record<number, string> => {
  const state = events.reduce(evolve, initialOrganizationState);
  return state.status === 'none' ? {} : { ...state.ratings };
};
