import { RuleViolation } from '../shared/rule-violation';
import { ExemptionEnded } from './member.events';
import { MemberContext, requireActive, requireDateUpTo, requireNotBefore } from './member.rules';
import { Member } from './member.state';

/** EXM-2: the cell decides the member's return to work and activities. */
export interface EndExemption {
  readonly memberId: string;
  readonly effectiveDate: string;
}

/** An exemption past its stated last day may still be ended explicitly: the cell records the return. */
export const endExemption = (
  command: EndExemption,
  state: Member,
  context: MemberContext,
): ExemptionEnded[] => {
  const member = requireActive(state, command.memberId, 'back from an exemption');
  if (!member.exemption) throw new RuleViolation('MEMBER-STATE', 'The member is not exempted');
  requireDateUpTo(command.effectiveDate, context.today, 'effectiveDate');
  requireNotBefore(command.effectiveDate, member.exemption.since, 'effectiveDate', 'the exemption');
  return [
    { type: 'ExemptionEnded', data: { memberId: command.memberId }, effectiveDate: command.effectiveDate },
  ];
};
