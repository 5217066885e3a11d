import { RuleViolation } from '../shared/rule-violation';
import { COMMITTEE_ROLES, CommitteeMemberAppointed, CommitteeRole } from './organization.events';
import { requireActiveOn, withDecisionRef } from './organization.rules';
import { Organization } from './organization.state';

export interface AppointCommitteeMember {
  organizationId: string;
  memberId: string;
  role: CommitteeRole;
  effectiveDate: string;
  decisionRef?: string;
}

export interface AppointCommitteeMemberContext {
  /** The appointee is an official member registered in this organization or below it on the date. */
  appointeeIsOfficialMember: boolean;
  /** Official members of the organization on the date; decides whether a cell may have a committee. */
  officialMemberCount: number;
}

/** ORG-4: a cell of fewer official members elects only a secretary (and perhaps a deputy). */
const CELL_COMMITTEE_FROM = 9;

export const appointCommitteeMember = (
  command: AppointCommitteeMember,
  state: Organization,
  context: AppointCommitteeMemberContext,
): CommitteeMemberAppointed[] => {
  const { memberId, role, effectiveDate } = command;
  const organization = requireActiveOn(state, command.organizationId, effectiveDate);
  const { kind, name } = organization;
  if (!COMMITTEE_ROLES.includes(role))
    throw new RuleViolation('ORG-ROLE', `No committee role ${String(role)}`);
  // PRB-2: probationers may not stand for leadership bodies, and outsiders are not members at all.
  if (!context.appointeeIsOfficialMember)
    throw new RuleViolation('PRB-2', `Member ${memberId} is not an official member of ${name}`);
  if (
    role === 'inspection_committee_member' &&
    (kind === 'cell' || kind === 'base_cell' || kind === 'sub_committee')
  )
    throw new RuleViolation('ORG-9', `A ${kind} has no inspection committee`);
  if (kind === 'cell' || kind === 'base_cell') {
    if (role === 'standing_committee_member')
      throw new RuleViolation('ORG-4', 'A cell has no standing committee');
    if (role === 'committee_member' && context.officialMemberCount < CELL_COMMITTEE_FROM)
      throw new RuleViolation(
        'ORG-4',
        `${name} has ${context.officialMemberCount} official members, too few for a cell committee`,
      );
  }
  if (organization.committee[memberId] === role)
    throw new RuleViolation('ORG-UNCHANGED', `Member ${memberId} already holds ${role} in ${name}`);
  return [
    {
      type: 'CommitteeMemberAppointed',
      data: { organizationId: organization.id, memberId, role, ...withDecisionRef(command.decisionRef) },
      effectiveDate,
    },
  ];
};
