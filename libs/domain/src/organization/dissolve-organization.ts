import { RuleViolation } from '../shared/rule-violation';
import { OrganizationDissolved } from './organization.events';
import { requireActiveOn, withDecisionRef } from './organization.rules';
import { Organization } from './organization.state';

export interface DissolveOrganization {
  organizationId: string;
  effectiveDate: string;
  decisionRef?: string;
}

export interface DissolveOrganizationContext {
  /** Probationary and official members registered in it on the effective date. */
  activeMemberCount: number;
  /** Direct child organizations active on the effective date. */
  activeChildCount: number;
}

/**
 * Ends an organization that holds nobody any more (ORG-DISSOLVE-NONEMPTY): its members are transferred
 * and its sub-organizations moved or merged first, so that no member drops out of every count. This is
 * the structural end (as of the district committees in 2025, ORG-7), not the disciplinary dissolution
 * (giải tán, DIS-1), which a discipline case decides.
 */
export const dissolveOrganization = (
  command: DissolveOrganization,
  state: Organization,
  context: DissolveOrganizationContext,
): OrganizationDissolved[] => {
  const organization = requireActiveOn(state, command.organizationId, command.effectiveDate);
  const { activeMemberCount, activeChildCount } = context;
  if (activeMemberCount > 0 || activeChildCount > 0)
    throw new RuleViolation(
      'ORG-DISSOLVE-NONEMPTY',
      `${organization.name} still has ${activeMemberCount} active members and ${activeChildCount} active sub-organizations`,
    );
  return [
    {
      type: 'OrganizationDissolved',
      data: { organizationId: organization.id, ...withDecisionRef(command.decisionRef) },
      effectiveDate: command.effectiveDate,
    },
  ];
};
