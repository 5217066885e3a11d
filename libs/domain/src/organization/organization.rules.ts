import { EntityNotFound, RuleViolation } from '../shared/rule-violation';
import { OrganizationKind } from './organization.events';
import { ExistingOrganization, Organization, isActiveOn } from './organization.state';

/**
 * Rules shared by several organization decisions.
 *
 * Besides the rulebook's ids, decisions refuse with these ids of our own, for preconditions the
 * rulebook takes for granted (a command on a stream with no organization throws EntityNotFound, a 404):
 * - ORG-EXISTS            the stream already holds an organization (ids come in on commands).
 * - ORG-STATE             the organization is not active on the effective date (not yet established,
 *                         or merged or dissolved by then).
 * - ORG-PARENT-STATE      the parent given on establishment or move does not exist or is not active on the date.
 * - ORG-CYCLE             the new parent is the organization itself or one of its descendants.
 * - ORG-MERGE-SELF        an organization merged into itself.
 * - ORG-MERGE-TARGET      the organization merged into does not exist or is not active on the date.
 * - ORG-UNCHANGED         the decision would change nothing (same name, same parent, same role, same target).
 * - ORG-ROLE              a committee role the ledger does not know.
 * - ORG-DISSOLVE-NONEMPTY dissolved while members or sub-organizations are still active in it; the
 *                         rulebook has no such rule (DIS-1 dissolution is a penalty, decided by a case),
 *                         but an empty tree is what keeps every member counted somewhere.
 * - ASM-ONCE-PER-YEAR     a second rating for a year; a correction will be an event of its own.
 * - ASM-YEAR              not a calendar year, or a year rated before it has begun.
 * - MTG-KIND              a meeting that is neither regular (MTG-1) nor thematic (MTG-2).
 * - MTG-FUTURE            a meeting recorded before it was held.
 * - ADM-TARGET            an admission target that is not a whole number ≥ 0.
 */

/** ORG-1: the kinds each kind may sit under; only a provincial committee is a root. */
export const PARENT_KINDS: Readonly<Record<OrganizationKind, readonly OrganizationKind[]>> = {
  provincial_committee: [],
  district_committee: ['provincial_committee'],
  base_committee: ['district_committee', 'provincial_committee'],
  base_cell: ['district_committee', 'provincial_committee'],
  sub_committee: ['base_committee'],
  cell: ['base_committee', 'sub_committee'],
};

/** ORG-6: the district level ends on this date (QĐ294); rule versions go by the effective date. */
export const DISTRICT_LEVEL_ABOLISHED_ON = '2025-07-01';

/** The kinds that may sit directly under `kind` (ORG-1 read the other way round). */
export const childKindsOf = (kind: OrganizationKind): OrganizationKind[] =>
  (Object.keys(PARENT_KINDS) as OrganizationKind[]).filter((child) => PARENT_KINDS[child].includes(kind));

/** Refuses placing an organization of `kind` under `parentKind` (null: as a root) on `date`. */
export const checkPlacement = (
  kind: OrganizationKind,
  parentKind: OrganizationKind | null,
  date: string,
): void => {
  if (parentKind === null ? kind !== 'provincial_committee' : !PARENT_KINDS[kind].includes(parentKind))
    throw new RuleViolation(
      'ORG-1',
      `A ${kind} cannot sit ${parentKind ? `under a ${parentKind}` : 'at the root'}`,
    );
  if (date < DISTRICT_LEVEL_ABOLISHED_ON) return;
  if (kind === 'district_committee')
    throw new RuleViolation(
      'ORG-6',
      `No district committee may be placed from ${DISTRICT_LEVEL_ABOLISHED_ON}`,
    );
  if (parentKind === 'district_committee')
    throw new RuleViolation(
      'ORG-6',
      `Nothing may be placed under a district committee from ${DISTRICT_LEVEL_ABOLISHED_ON}`,
    );
};

/** The organization a command targets, which must exist (404 otherwise) and be active on `date`. */
export const requireActiveOn = (
  state: Organization,
  organizationId: string,
  date: string,
): ExistingOrganization => {
  if (state.status === 'none') throw new EntityNotFound('Organization', organizationId);
  if (!isActiveOn(state, date))
    throw new RuleViolation('ORG-STATE', `${state.name} is not an active organization on ${date}`);
  return state;
};

/** Optional fields stay absent rather than `undefined`, so stored JSON and test expectations agree. */
export const withDecisionRef = (decisionRef: string | undefined): { decisionRef?: string } =>
  decisionRef === undefined ? {} : { decisionRef };
