import {
  OrganizationDissolved,
  OrganizationEstablished,
  OrganizationEvent,
  OrganizationKind,
  OrganizationMerged,
} from './organization.events';
import { Organization, evolve, initialState } from './organization.state';

/** Spec fixtures, built from events as the ledger would hold them. Not exported from the domain. */
export const established = (
  organizationId: string,
  kind: OrganizationKind,
  parentId: string | null = null,
  on = '2010-01-01',
  name = `${kind} ${organizationId}`,
): OrganizationEstablished => ({
  type: 'OrganizationEstablished',
  data: { organizationId, name, kind, parentId },
  effectiveDate: on,
});

export const merged = (organizationId: string, intoId: string, on: string): OrganizationMerged => ({
  type: 'OrganizationMerged',
  data: { organizationId, intoId },
  effectiveDate: on,
});

export const dissolved = (organizationId: string, on: string): OrganizationDissolved => ({
  type: 'OrganizationDissolved',
  data: { organizationId },
  effectiveDate: on,
});

export const folded = (...events: OrganizationEvent[]): Organization => events.reduce(evolve, initialState);

/** An organization established on 2010-01-01 and still active. */
export const anActive = (id: string, kind: OrganizationKind, parentId: string | null = null): Organization =>
  folded(established(id, kind, parentId));
