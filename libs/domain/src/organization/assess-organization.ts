import { fullMonthsBetween, yearOf } from '../shared/dates';
import { RuleViolation } from '../shared/rule-violation';
import { ratingFor } from '../shared/year-ratings';
import { OrganizationAssessed, ORGANIZATION_RATINGS, OrganizationRating } from './organization.events';
import { requireActiveOn } from './organization.rules';
import { Organization } from './organization.state';

export interface AssessOrganization {
  organizationId: string;
  year: number;
  rating: OrganizationRating;
  /** The date of the rating decision (ASM-7), usually in December or early the next year. */
  effectiveDate: string;
}

/** ASM-4: a unit is rated only if it is at least this many months old at the end of the year. */
const MIN_MONTHS_AT_YEAR_END = 6;

export const assessOrganization = (
  command: AssessOrganization,
  state: Organization,
): OrganizationAssessed[] => {
  const { year, rating, effectiveDate } = command;
  const organization = requireActiveOn(state, command.organizationId, effectiveDate);
  if (!ORGANIZATION_RATINGS.includes(rating))
    throw new RuleViolation('ASM-1', `Unknown rating ${String(rating)}`);
  if (!Number.isInteger(year) || year > yearOf(effectiveDate))
    throw new RuleViolation('ASM-YEAR', `${year} cannot be rated on ${effectiveDate}`);
  const rated = ratingFor(organization.ratings, year);
  if (rated !== undefined)
    throw new RuleViolation(
      'ASM-ONCE-PER-YEAR',
      `${organization.name} is already rated ${rated} for ${year}`,
    );
  if (fullMonthsBetween(organization.establishedOn, `${year}-12-31`) < MIN_MONTHS_AT_YEAR_END)
    throw new RuleViolation('ASM-4', `${organization.name} is less than 6 months old at the end of ${year}`);
  return [
    { type: 'OrganizationAssessed', data: { organizationId: organization.id, year, rating }, effectiveDate },
  ];
};
