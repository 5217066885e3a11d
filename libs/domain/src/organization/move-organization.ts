import { RuleViolation } from '../shared/rule-violation';
import { OrganizationMoved } from './organization.events';
import { checkPlacement, requireActiveOn, withDecisionRef } from './organization.rules';
import { Organization, isActiveOn } from './organization.state';

export interface MoveOrganization {
  organizationId: string;
  newParentId: string;
  effectiveDate: string;
  decisionRef?: string;
}

export interface MoveOrganizationContext {
  /** The new parent's folded stream (`initialState` if it has none). */
  newParent: Organization;
  /** The new parent's ancestors on the effective date, nearest first. */
  newParentAncestorIds: readonly string[];
}

/** Same placement rules as an establishment (ORG-1, ORG-6); moving out of a district stays allowed. */
export const moveOrganization = (
  command: MoveOrganization,
  state: Organization,
  context: MoveOrganizationContext,
): OrganizationMoved[] => {
  const { newParentId, effectiveDate } = command;
  const organization = requireActiveOn(state, command.organizationId, effectiveDate);
  // Checked before the kinds, which would also forbid a cycle, so that inconsistent context is named.
  if (newParentId === organization.id || context.newParentAncestorIds.includes(organization.id))
    throw new RuleViolation('ORG-CYCLE', `${organization.name} cannot move under itself or a descendant`);
  if (newParentId === organization.parentId)
    throw new RuleViolation('ORG-UNCHANGED', `${organization.name} is already under ${newParentId}`);
  const parent = context.newParent;
  if (parent.status === 'none' || !isActiveOn(parent, effectiveDate))
    throw new RuleViolation(
      'ORG-PARENT-STATE',
      `Parent ${newParentId} is not an active organization on ${effectiveDate}`,
    );
  checkPlacement(organization.kind, parent.kind, effectiveDate);
  return [
    {
      type: 'OrganizationMoved',
      data: {
        organizationId: organization.id,
        fromParentId: organization.parentId,
        toParentId: newParentId,
        ...withDecisionRef(command.decisionRef),
      },
      effectiveDate,
    },
  ];
};
