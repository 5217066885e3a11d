import { DomainEvent } from '../shared/domain-event';

/**
 * The kinds of party organization (DESIGN "Event catalog", RULEBOOK ORG-1). `base_committee`: đảng bộ
 * cơ sở, a base party unit with cells under it; `base_cell`: chi bộ cơ sở, a base organization that is
 * itself a cell; `sub_committee`: đảng bộ bộ phận, between a base committee and its cells.
 */
export const ORGANIZATION_KINDS = [
  'provincial_committee',
  'district_committee',
  'base_committee',
  'base_cell',
  'sub_committee',
  'cell',
] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

/** ASM-1: the four yearly ratings (the member domain has the same four as MemberRating). */
export const ORGANIZATION_RATINGS = ['excellent', 'good', 'completed', 'not_completed'] as const;
export type OrganizationRating = (typeof ORGANIZATION_RATINGS)[number];

/** MTG-1 monthly regular meeting; MTG-2 thematic meeting, at least quarterly. */
export const MEETING_KINDS = ['regular', 'thematic'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

export const COMMITTEE_ROLES = [
  'secretary',
  'deputy_secretary',
  'standing_committee_member',
  'committee_member',
  'inspection_committee_member',
] as const;
export type CommitteeRole = (typeof COMMITTEE_ROLES)[number];

export type OrganizationEstablished = DomainEvent<
  'OrganizationEstablished',
  {
    organizationId: string;
    name: string;
    kind: OrganizationKind;
    parentId: string | null;
    decisionRef?: string;
  }
>;

export type OrganizationRenamed = DomainEvent<
  'OrganizationRenamed',
  { organizationId: string; name: string; previousName: string; decisionRef?: string }
>;

export type OrganizationMoved = DomainEvent<
  'OrganizationMoved',
  {
    organizationId: string;
    fromParentId: string | null;
    toParentId: string;
    decisionRef?: string;
    /** Set when the move is a consequence of merging this organization's parent (the merged one's id). */
    causedByMergerOf?: string;
  }
>;

/** The organization ends; its child organizations move to `intoId` in the same decision (OrganizationMoved). */
export type OrganizationMerged = DomainEvent<
  'OrganizationMerged',
  { organizationId: string; intoId: string; decisionRef?: string }
>;

export type OrganizationDissolved = DomainEvent<
  'OrganizationDissolved',
  { organizationId: string; decisionRef?: string }
>;

export type OrganizationAssessed = DomainEvent<
  'OrganizationAssessed',
  { organizationId: string; year: number; rating: OrganizationRating }
>;

/** `expected`: the MTG-4 denominator (members summoned less the excused categories); `present`: attendees. */
export type MeetingHeld = DomainEvent<
  'MeetingHeld',
  { organizationId: string; meetingKind: MeetingKind; heldOn: string; expected: number; present: number }
>;

export type AdmissionTargetSet = DomainEvent<
  'AdmissionTargetSet',
  { organizationId: string; year: number; target: number }
>;

export type CommitteeMemberAppointed = DomainEvent<
  'CommitteeMemberAppointed',
  { organizationId: string; memberId: string; role: CommitteeRole; decisionRef?: string }
>;

export type OrganizationEvent =
  | OrganizationEstablished
  | OrganizationRenamed
  | OrganizationMoved
  | OrganizationMerged
  | OrganizationDissolved
  | OrganizationAssessed
  | MeetingHeld
  | AdmissionTargetSet
  | CommitteeMemberAppointed;
