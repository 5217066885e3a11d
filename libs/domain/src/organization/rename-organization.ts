import { RuleViolation } from '../shared/rule-violation';
import { OrganizationRenamed } from './organization.events';
import { requireActiveOn, withDecisionRef } from './organization.rules';
import { Organization } from './organization.state';

export interface RenameOrganization {
  organizationId: string;
  name: string;
  effectiveDate: string;
  decisionRef?: string;
}

/** A rename keeps the organization's identity, history and members; only the name changes. */
export const renameOrganization = (
  command: RenameOrganization,
  state: Organization,
): OrganizationRenamed[] => {
  const organization = requireActiveOn(state, command.organizationId, command.effectiveDate);
  if (command.name.trim() === organization.name.trim())
    throw new RuleViolation('ORG-UNCHANGED', `${organization.name} already bears that name`);
  return [
    {
      type: 'OrganizationRenamed',
      data: {
        organizationId: organization.id,
        name: command.name,
        previousName: organization.name,
        ...withDecisionRef(command.decisionRef),
      },
      effectiveDate: command.effectiveDate,
    },
  ];
};
