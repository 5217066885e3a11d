import { fullMonthsBetween } from '../shared/dates';
import { RuleViolation } from '../shared/rule-violation';
import { ratingFor } from '../shared/year-ratings';
import { MEMBER_RATINGS, MemberAssessed, MemberRating } from './member.events';
import {
  MemberContext,
  describeStatus,
  isExemptedOn,
  requireDateUpTo,
  requireExisting,
} from './member.rules';
import { Member } from './member.state';

/** The yearly review (kiểm điểm, xếp loại), decided on `effectiveDate`. */
export interface AssessMember {
  readonly memberId: string;
  readonly year: number;
  readonly rating: MemberRating;
  readonly effectiveDate: string;
}

/**
 * ASM-1 four ratings; ASM-4 not rated when exempted at the year's end (EXM-3) or admitted less than
 * 6 months before it — counted from the admission decision, the earlier date, which refuses least;
 * DIS-13 disciplined in the year → not completed. A member who left after the year ended can still be
 * rated for it.
 */
export const assessMember = (
  command: AssessMember,
  state: Member,
  context: MemberContext,
): MemberAssessed[] => {
  const member = requireExisting(state, command.memberId);
  const { memberId, year, rating, effectiveDate } = command;
  requireDateUpTo(effectiveDate, context.today, 'effectiveDate');
  if (!Number.isInteger(year) || effectiveDate < `${year}-01-01`)
    throw new RuleViolation('ASM-YEAR', `${year} is rated on ${effectiveDate}, before it began`);
  const yearEnd = `${year}-12-31`;
  if (member.status === 'candidate' || (member.status === 'left' && member.departure.on <= yearEnd))
    throw new RuleViolation(
      'MEMBER-STATE',
      `Only a member through ${year} is rated; this one is ${describeStatus(member)}`,
    );
  if (!MEMBER_RATINGS.includes(rating)) throw new RuleViolation('ASM-1', `${String(rating)} is not a rating`);
  const rated = ratingFor(member.ratings, year);
  if (rated !== undefined) throw new RuleViolation('ASM-ONCE-PER-YEAR', `Already rated ${rated} for ${year}`);
  if (isExemptedOn(member, yearEnd))
    throw new RuleViolation('ASM-4', `Exempted at the end of ${year}: not rated`);
  if (fullMonthsBetween(member.admission.decisionDate, yearEnd) < 6)
    throw new RuleViolation(
      'ASM-4',
      `Admitted ${member.admission.decisionDate}, less than 6 months before the end of ${year}`,
    );
  const disciplined = member.disciplines.find((d) => d.form !== null && d.decidedOn.startsWith(`${year}-`));
  if (disciplined && rating !== 'not_completed')
    throw new RuleViolation(
      'DIS-13',
      `Disciplined in ${year} (case ${disciplined.caseId}): only not_completed`,
    );
  return [{ type: 'MemberAssessed', data: { memberId, year, rating }, effectiveDate }];
};
