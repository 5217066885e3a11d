import { assertNever } from '../shared/assert-never';
import { withRating, YearRatings } from '../shared/year-ratings';
import {
  CommitteeRole,
  OrganizationEvent,
  OrganizationKind,
  OrganizationRating,
} from './organization.events';

/** What every organization that ever existed carries, whatever became of it. */
export interface OrganizationRecord {
  readonly id: string;
  readonly name: string;
  readonly kind: OrganizationKind;
  readonly parentId: string | null;
  readonly establishedOn: string;
  /** year → rating; one rating per year (ASM-ONCE-PER-YEAR). */
  readonly ratings: YearRatings<OrganizationRating>;
  /** year → the latest admission target set for it. */
  readonly admissionTargets: Readonly<Record<number, number>>;
  /** memberId → role held on the committee. */
  readonly committee: Readonly<Record<string, CommitteeRole>>;
}

export type NoOrganization = { readonly status: 'none' };
export type ActiveOrganization = OrganizationRecord & { readonly status: 'active' };
export type MergedOrganization = OrganizationRecord & {
  readonly status: 'merged';
  readonly mergedInto: string;
  readonly endedOn: string;
};
export type DissolvedOrganization = OrganizationRecord & {
  readonly status: 'dissolved';
  readonly endedOn: string;
};
export type ExistingOrganization = ActiveOrganization | MergedOrganization | DissolvedOrganization;
export type Organization = NoOrganization | ExistingOrganization;

export const initialState: Organization = { status: 'none' };

/**
 * Event types `evolve` returns the state unchanged for: a fold may leave them unread. A cell's
 * stream is mostly its monthly meetings (130 of 140 events after 11 years), and no decision
 * depends on past meetings. The state spec holds `evolve` to this list.
 */
export const stateNeutralTypes: readonly OrganizationEvent['type'][] = ['MeetingHeld'];

/**
 * Fold one event. Never throws: the event already happened. An event other than the establishment
 * arriving on an empty stream cannot be applied to anything and leaves the state as it was.
 */
export const evolve = (state: Organization, event: OrganizationEvent): Organization => {
  if (event.type === 'OrganizationEstablished') {
    const { organizationId, name, kind, parentId } = event.data;
    const base = { id: organizationId, name, kind, parentId, establishedOn: event.effectiveDate };
    return { status: 'active', ...base, ratings: [], admissionTargets: {}, committee: {} };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'OrganizationRenamed':
      return { ...state, name: event.data.name };
    case 'OrganizationMoved':
      return { ...state, parentId: event.data.toParentId };
    case 'OrganizationMerged':
      return { ...state, status: 'merged', mergedInto: event.data.intoId, endedOn: event.effectiveDate };
    case 'OrganizationDissolved':
      return { ...state, status: 'dissolved', endedOn: event.effectiveDate };
    case 'OrganizationAssessed':
      // Number(): a correction may have stored the year as text; a year-keyed object took both alike.
      return { ...state, ratings: withRating(state.ratings, Number(event.data.year), event.data.rating) };
    case 'MeetingHeld':
      // No decision depends on past meetings; attendance lives in read models.
      return state;
    case 'AdmissionTargetSet':
      return {
        ...state,
        admissionTargets: { ...state.admissionTargets, [event.data.year]: event.data.target },
      };
    case 'CommitteeMemberAppointed':
      return { ...state, committee: { ...state.committee, [event.data.memberId]: event.data.role } };
    default:
      return assertNever(event);
  }
};

/**
 * Existed on `date`: established on or before it and not yet merged or dissolved. Commands are often
 * recorded after they took effect, so "active" is judged on the effective date, not on the latest status.
 */
export const isActiveOn = (state: Organization, date: string): boolean =>
  state.status !== 'none' &&
  state.establishedOn <= date &&
  (state.status === 'active' || state.endedOn > date);

/**
 * Members are registered only in a cell or a base cell (DESIGN). Pass `on` to judge a backdated
 * registration by the date it took effect; without it, by the organization's current status.
 */
export const isMemberRegistrable = (state: Organization, on?: string): boolean => {
  if (state.status === 'none' || (state.kind !== 'cell' && state.kind !== 'base_cell')) return false;
  return on === undefined ? state.status === 'active' : isActiveOn(state, on);
};
