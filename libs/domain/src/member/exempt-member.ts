import { RuleViolation } from '../shared/rule-violation';
import { EXEMPTION_REASONS, ExemptionReason, MemberExempted } from './member.events';
import {
  MemberContext,
  isExemptedOn,
  requireActive,
  requireDate,
  requireDateUpTo,
  requireNotBefore,
} from './member.rules';
import { Member } from './member.state';

/** Miễn công tác và sinh hoạt đảng, decided by the cell's resolution (EXM-1). */
export interface ExemptMember {
  readonly memberId: string;
  readonly reason: ExemptionReason;
  /** Last day of the exemption; EXM-2 grounds state a duration, old age (EXM-1) need not. */
  readonly until?: string;
  readonly effectiveDate: string;
}

export const exemptMember = (
  command: ExemptMember,
  state: Member,
  context: MemberContext,
): MemberExempted[] => {
  const member = requireActive(state, command.memberId, 'exempted');
  const { memberId, reason, until, effectiveDate } = command;
  if (!EXEMPTION_REASONS.includes(reason))
    throw new RuleViolation('EXM-1', `${String(reason)} is not a ground for exemption (EXM-1, EXM-2)`);
  requireDateUpTo(effectiveDate, context.today, 'effectiveDate');
  requireNotBefore(effectiveDate, member.admission.ceremonyDate, 'effectiveDate', 'the admission ceremony');
  if (isExemptedOn(member, effectiveDate))
    throw new RuleViolation('MEMBER-STATE', `Already exempted since ${member.exemption?.since}`);
  if (reason !== 'old_or_weak' && until === undefined)
    throw new RuleViolation('EXM-2', `An exemption for ${reason} states how long it lasts`);
  if (until !== undefined) {
    requireDate(until, 'until');
    if (until < effectiveDate) throw new RuleViolation('EXM-2', `Exemption ends ${until}, before it starts`);
  }
  return [{ type: 'MemberExempted', data: { memberId, reason, ...(until ? { until } : {}) }, effectiveDate }];
};
