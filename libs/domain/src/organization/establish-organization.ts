import { RuleViolation } from '../shared/rule-violation';
import { OrganizationEstablished, OrganizationKind } from './organization.events';
import { checkPlacement, withDecisionRef } from './organization.rules';
import { Organization, isActiveOn } from './organization.state';

export interface EstablishOrganization {
  organizationId: string;
  name: string;
  kind: OrganizationKind;
  /** null only for a provincial committee, the root of its tree. */
  parentId: string | null;
  effectiveDate: string;
  decisionRef?: string;
}

export interface EstablishOrganizationContext {
  /** The parent's folded stream (`initialState` if it has none); null when `parentId` is null. */
  parent: Organization | null;
}

/** ORG-1 kind under parent kind, ORG-6 no district level from 2025-07-01, the parent active on the date. */
export const establishOrganization = (
  command: EstablishOrganization,
  state: Organization,
  context: EstablishOrganizationContext,
): OrganizationEstablished[] => {
  const { organizationId, name, kind, parentId, effectiveDate } = command;
  if (state.status !== 'none')
    throw new RuleViolation('ORG-EXISTS', `Organization ${organizationId} already exists`);
  const parent = parentId === null ? null : context.parent;
  if (parent !== null && (parent.status === 'none' || !isActiveOn(parent, effectiveDate)))
    throw new RuleViolation(
      'ORG-PARENT-STATE',
      `Parent ${parentId} is not an active organization on ${effectiveDate}`,
    );
  checkPlacement(kind, parent === null ? null : parent.kind, effectiveDate);
  return [
    {
      type: 'OrganizationEstablished',
      data: { organizationId, name, kind, parentId, ...withDecisionRef(command.decisionRef) },
      effectiveDate,
    },
  ];
};
