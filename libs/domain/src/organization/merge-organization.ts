import { StreamEvent } from '../shared/domain-event';
import { RuleViolation } from '../shared/rule-violation';
import { organizationStream } from '../shared/streams';
import { OrganizationEvent, OrganizationKind } from './organization.events';
import {
  DISTRICT_LEVEL_ABOLISHED_ON,
  childKindsOf,
  requireActiveOn,
  withDecisionRef,
} from './organization.rules';
import { Organization, isActiveOn } from './organization.state';

export interface MergeOrganization {
  organizationId: string;
  intoId: string;
  effectiveDate: string;
  decisionRef?: string;
}

export interface MergeOrganizationContext {
  /** The folded stream of the organization merged into (`initialState` if it has none). */
  into: Organization;
  /** The merged organization's direct child organizations active on the effective date. */
  childIds: readonly string[];
}

const registersMembers = (kind: OrganizationKind) => kind === 'cell' || kind === 'base_cell';

/**
 * ORG-1 read for mergers: the target must be able to take everything the merged one held — its members
 * when it is a cell or base cell, otherwise every kind of child the merged kind may have.
 */
const canMergeInto = (kind: OrganizationKind, target: OrganizationKind): boolean =>
  registersMembers(kind)
    ? registersMembers(target)
    : childKindsOf(kind).every((child) => childKindsOf(target).includes(child));

/**
 * The merged organization ends and its child organizations move under the target in the same decision,
 * so the tree never shows orphans. The members of a merged cell or base cell are not moved here: the
 * handler asks the member domain to reassign each of them (MemberReassigned) to the target.
 */
export const mergeOrganization = (
  command: MergeOrganization,
  state: Organization,
  context: MergeOrganizationContext,
): StreamEvent<OrganizationEvent>[] => {
  const { intoId, effectiveDate } = command;
  const merged = requireActiveOn(state, command.organizationId, effectiveDate);
  if (intoId === merged.id)
    throw new RuleViolation('ORG-MERGE-SELF', `${merged.name} cannot merge into itself`);
  const into = context.into;
  if (into.status === 'none' || !isActiveOn(into, effectiveDate))
    throw new RuleViolation(
      'ORG-MERGE-TARGET',
      `${intoId} is not an active organization on ${effectiveDate}`,
    );
  if (!canMergeInto(merged.kind, into.kind))
    throw new RuleViolation('ORG-1', `A ${merged.kind} cannot merge into a ${into.kind}`);
  // Merging into a district committee places the merged one's children under it.
  if (into.kind === 'district_committee' && effectiveDate >= DISTRICT_LEVEL_ABOLISHED_ON)
    throw new RuleViolation(
      'ORG-6',
      `Nothing may be merged into a district committee from ${DISTRICT_LEVEL_ABOLISHED_ON}`,
    );
  const decisionRef = withDecisionRef(command.decisionRef);
  return [
    {
      streamId: organizationStream(merged.id),
      event: {
        type: 'OrganizationMerged',
        data: { organizationId: merged.id, intoId, ...decisionRef },
        effectiveDate,
      },
    },
    ...context.childIds.map((childId) => ({
      streamId: organizationStream(childId),
      event: {
        type: 'OrganizationMoved' as const,
        data: {
          organizationId: childId,
          fromParentId: merged.id,
          toParentId: intoId,
          ...decisionRef,
          causedByMergerOf: merged.id,
        },
        effectiveDate,
      },
    })),
  ];
};
