import { wasProbationerOn } from '../member/apply-discipline';
import { Member } from '../member/member.state';
import { Organization, isActiveOn } from '../organization/organization.state';

/**
 * What case decisions need to know about the subject, looked up by the handler in the subject's stream
 * (and the organization tree) as they stood on the command's effective date. The builders below derive
 * them from the folded streams, so the member domain's own reading (wasProbationerOn) is the one used.
 */
export type MemberStanding =
  'none' | 'candidate' | 'probationary' | 'official' | 'died' | 'expelled' | 'removed' | 'exited';

export interface MemberFacts {
  readonly kind: 'member';
  readonly memberId: string;
  /** On the date; 'probationary' also for a member recognised later with effect from after it (PRB-4). */
  readonly standing: MemberStanding;
  /** DIS-1: removal from post needs a post held. */
  readonly holdsPosition: boolean;
  /** The cell the member is registered in (the last one, for the dead): DIS-2. */
  readonly cellId: string | null;
}

export interface OrganizationFacts {
  readonly kind: 'organization';
  readonly organizationId: string;
  /** DIS-10: merged and dissolved organizations can still be disciplined. */
  readonly status: 'none' | 'active' | 'merged' | 'dissolved';
  /**
   * DIS-4: the organizations above it, nearest first, as the tree stood on the date (on the day it
   * ended, for one merged or dissolved since).
   */
  readonly superiorIds: readonly string[];
}

export type SubjectFacts = MemberFacts | OrganizationFacts;

export const memberFactsOn = (member: Member, memberId: string, date: string): MemberFacts => {
  const facts = { kind: 'member' as const, memberId, holdsPosition: false, cellId: null };
  if (member.status === 'none') return { ...facts, standing: 'none' };
  const cellId = member.cellId;
  if (member.status === 'candidate') return { ...facts, cellId, standing: 'candidate' };
  const holdsPosition = !!member.profile.position;
  if (member.status === 'left' && member.departure.on <= date)
    return { ...facts, cellId, holdsPosition, standing: member.departure.how };
  const standing = wasProbationerOn(member, date) ? 'probationary' : 'official';
  return { ...facts, cellId, holdsPosition, standing };
};

export const organizationFactsOn = (
  organization: Organization,
  organizationId: string,
  date: string,
  superiorIds: readonly string[],
): OrganizationFacts => {
  const status =
    organization.status === 'none' || organization.establishedOn > date
      ? 'none'
      : isActiveOn(organization, date)
        ? 'active'
        : organization.status;
  return { kind: 'organization', organizationId, status, superiorIds };
};
