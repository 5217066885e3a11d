/** Spec fixtures: events whose data match the domain's event types (the compiler checks them). Not part of the build. */
import {
  MemberDisciplineForm,
  MemberEvent,
  MemberRating,
  OrganizationEvent,
  OrganizationKind,
  OrganizationRating,
  TransferKind,
} from '@ledger/domain';
import { LogBuilder } from './log-builder.fixtures';

export { LogBuilder };

export const established = (
  organizationId: string,
  kind: OrganizationKind,
  parentId: string | null,
  on = '2010-01-01',
): OrganizationEvent => ({
  type: 'OrganizationEstablished',
  data: { organizationId, name: `${kind} ${organizationId}`, kind, parentId },
  effectiveDate: on,
});

/** The merger decision as mergeOrganization returns it: the merged one ends, its children move. */
export const merger = (
  organizationId: string,
  intoId: string,
  on: string,
  childIds: string[] = [],
): OrganizationEvent[] => [
  { type: 'OrganizationMerged', data: { organizationId, intoId, decisionRef: '1-NQ/TU' }, effectiveDate: on },
  ...childIds.map((childId): OrganizationEvent => ({
    type: 'OrganizationMoved',
    data: {
      organizationId: childId,
      fromParentId: organizationId,
      toParentId: intoId,
      decisionRef: '1-NQ/TU',
      causedByMergerOf: organizationId,
    },
    effectiveDate: on,
  })),
];

export const organizationAssessed = (
  organizationId: string,
  year: number,
  rating: OrganizationRating,
): OrganizationEvent => ({
  type: 'OrganizationAssessed',
  data: { organizationId, year, rating },
  effectiveDate: `${year}-12-20`,
});

export const nominated = (memberId: string, fullName: string, cellId: string, on: string): MemberEvent => ({
  type: 'CandidateNominated',
  data: { memberId, fullName, birthDate: '1995-01-01', cellId },
  effectiveDate: on,
});

export const admitted = (
  memberId: string,
  cellId: string,
  on: string,
  decisionRef = '45-QĐ/ĐU',
): MemberEvent => ({
  type: 'MemberAdmitted',
  data: {
    memberId,
    cellId,
    decisionRef,
    decidedBy: 'commune-a',
    decisionDate: on,
    ceremonyDate: on,
    introducerIds: ['i-1', 'i-2'],
    regulation: 'QĐ24',
  },
  effectiveDate: on,
});

/** Nominated a month before the ceremony (first of the month), then admitted. */
export const aNewMember = (memberId: string, fullName: string, cellId: string, on: string): MemberEvent[] => [
  nominated(memberId, fullName, cellId, `${on.slice(0, 8)}01`),
  admitted(memberId, cellId, on),
];

export const madeOfficial = (memberId: string, on: string): MemberEvent => ({
  type: 'MembershipMadeOfficial',
  data: { memberId, decisionRef: '12-QĐ/ĐU', decidedOn: on, regulation: 'QĐ24' },
  effectiveDate: on,
});

/** A member from paper records, official since `officialOn` (probationary when null), placed in `cellId` on `on`. */
export const registered = (
  memberId: string,
  fullName: string,
  cellId: string,
  officialOn: string | null = '2000-06-01',
  on = '2020-01-01',
): MemberEvent => ({
  type: 'MemberRegisteredFromRecords',
  data: {
    memberId,
    fullName,
    birthDate: '1970-01-01',
    cellId,
    admittedOn: '1999-06-01',
    ...(officialOn ? { officialOn } : {}),
  },
  effectiveDate: on,
});

export const transferStarted = (
  memberId: string,
  kind: TransferKind,
  fromCellId: string,
  toCellId: string,
  on: string,
): MemberEvent => ({
  type: 'MemberTransferStarted',
  data: { memberId, transferId: `t-${memberId}`, kind, fromCellId, toCellId },
  effectiveDate: on,
});

export const transferCompleted = (
  memberId: string,
  kind: TransferKind,
  fromCellId: string,
  toCellId: string,
  on: string,
): MemberEvent => ({
  type: 'MemberTransferCompleted',
  data: { memberId, transferId: `t-${memberId}`, kind, fromCellId, toCellId, dueBy: on, late: false },
  effectiveDate: on,
});

export const reassigned = (
  memberId: string,
  fromCellId: string,
  toCellId: string,
  mergerOf: string,
  on: string,
): MemberEvent => ({
  type: 'MemberReassigned',
  data: { memberId, fromCellId, toCellId, mergerOf, decisionRef: '1-NQ/TU' },
  effectiveDate: on,
});

export const exempted = (memberId: string, on: string): MemberEvent => ({
  type: 'MemberExempted',
  data: { memberId, reason: 'old_or_weak' },
  effectiveDate: on,
});

export const assessed = (
  memberId: string,
  year: number,
  rating: MemberRating,
  on = `${year}-12-20`,
): MemberEvent => ({
  type: 'MemberAssessed',
  data: { memberId, year, rating },
  effectiveDate: on,
});

export const disciplined = (memberId: string, form: MemberDisciplineForm, on: string): MemberEvent => ({
  type: 'MemberDisciplined',
  data: { memberId, caseId: `case-${memberId}`, form, decisionRef: '7-QĐ/UBKT', decidedBy: 'commune-a' },
  effectiveDate: on,
});

export const expelled = (memberId: string, on: string): MemberEvent => ({
  type: 'MemberExpelled',
  data: { memberId, caseId: `case-${memberId}`, decisionRef: '7-QĐ/UBKT' },
  effectiveDate: on,
});

export const died = (memberId: string, on: string): MemberEvent => ({
  type: 'MemberDied',
  data: { memberId },
  effectiveDate: on,
});

export const nameRemoved = (memberId: string, on: string): MemberEvent => ({
  type: 'MemberNameRemoved',
  data: { memberId, reason: 'abandoned_activity', decisionRef: '9-QĐ/ĐU', regulation: 'QĐ24' },
  effectiveDate: on,
});

/**
 * The tree most specs use, established 2010-01-01: province p › district d › communes commune-a and
 * commune-b › cells a1, a2 (under commune-a) and b1 (under commune-b).
 */
export const aProvince = (log = new LogBuilder()): LogBuilder =>
  log.org(
    established('p', 'provincial_committee', null),
    established('d', 'district_committee', 'p'),
    established('commune-a', 'base_committee', 'd'),
    established('commune-b', 'base_committee', 'd'),
    established('a1', 'cell', 'commune-a'),
    established('a2', 'cell', 'commune-a'),
    established('b1', 'cell', 'commune-b'),
  );

export const noOrganizations = {
  provincial_committee: 0,
  district_committee: 0,
  base_committee: 0,
  base_cell: 0,
  sub_committee: 0,
  cell: 0,
};
