import { RuleViolation } from '../shared/rule-violation';
import { BadgeAwarded } from './member.events';
import {
  MemberContext,
  describeStatus,
  requireDateUpTo,
  requireExisting,
  requireNoDisciplineInForce,
} from './member.rules';
import { Member } from './member.state';
import { BADGE_LEVELS, badgesDue, partyAge } from './party-age';

/** Huy hiệu Đảng of `years` (AGE-5), decided by the provincial standing committee (AGE-6). */
export interface AwardBadge {
  readonly memberId: string;
  readonly years: number;
  readonly effectiveDate: string;
  readonly decisionRef?: string;
  /** AGE-5: a seriously ill member may receive it up to 12 (30–65) or 24 (70–90) months early. */
  readonly seriouslyIll?: boolean;
}

/**
 * AGE-5 the level is due by party age; DIS-12 no awards while a discipline is in force. Posthumous
 * awards are allowed (AGE-5), by the party age at death. A level reached but skipped may still be
 * awarded: refusing it is nowhere in the rulebook. AGE-6's batch dates are [M] and not enforced.
 */
export const awardBadge = (command: AwardBadge, state: Member, context: MemberContext): BadgeAwarded[] => {
  const member = requireExisting(state, command.memberId);
  const { memberId, years, effectiveDate, decisionRef, seriouslyIll } = command;
  if (member.status === 'candidate' || (member.status === 'left' && member.departure.how !== 'died'))
    throw new RuleViolation(
      'MEMBER-STATE',
      `Badges go to members, alive or dead; this one is ${describeStatus(member)}`,
    );
  requireDateUpTo(effectiveDate, context.today, 'effectiveDate');
  if (!(BADGE_LEVELS as readonly number[]).includes(years))
    throw new RuleViolation('AGE-5', `There is no ${years}-year badge; levels: ${BADGE_LEVELS.join(', ')}`);
  if (member.badges.includes(years))
    throw new RuleViolation('MEMBER-STATE', `The ${years}-year badge was already awarded`);
  if (!badgesDue(member, effectiveDate, { seriouslyIll }).includes(years)) {
    const age = partyAge(member, effectiveDate);
    throw new RuleViolation(
      'AGE-5',
      `Party age ${age?.years ?? 0} years ${age?.months ?? 0} months: ${years}-year badge not due`,
    );
  }
  requireNoDisciplineInForce(member, effectiveDate, 'award');
  const posthumous = member.status === 'left';
  const early = !badgesDue(member, effectiveDate).includes(years);
  const data = {
    memberId,
    years,
    ...(early ? { early: true as const } : {}),
    ...(posthumous ? { posthumous: true as const } : {}),
    ...(decisionRef ? { decisionRef } : {}),
  };
  return [{ type: 'BadgeAwarded', data, effectiveDate }];
};
