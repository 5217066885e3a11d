import { RuleViolation } from '../shared/rule-violation';
import { MemberNameRemoved } from './member.events';
import {
  MemberContext,
  describeStatus,
  requireDateUpTo,
  requireExisting,
  requireNotBefore,
} from './member.rules';
import { Member } from './member.state';
import { regulationOn } from './regulation';

export interface FailProbation {
  readonly memberId: string;
  readonly decisionRef?: string;
  readonly effectiveDate: string;
}

/**
 * PRB-3: a probationer found unfit has the name removed (xóa tên); PRB-6: not expelled. Not only at the
 * end of the 12 months: the rulebook sets no earliest date, and refusing an early removal would keep an
 * unfit probationer on the rolls.
 */
export const failProbation = (
  command: FailProbation,
  state: Member,
  context: MemberContext,
): MemberNameRemoved[] => {
  const member = requireExisting(state, command.memberId);
  if (member.status !== 'probationary')
    throw new RuleViolation(
      'PRB-3',
      `Only a probationer can fail probation; this one is ${describeStatus(member)}`,
    );
  requireDateUpTo(command.effectiveDate, context.today, 'effectiveDate');
  requireNotBefore(command.effectiveDate, member.admission.ceremonyDate, 'effectiveDate', 'the ceremony');
  const { memberId, decisionRef, effectiveDate } = command;
  const data = {
    memberId,
    reason: 'probation_failed' as const,
    ...(decisionRef ? { decisionRef } : {}),
    regulation: regulationOn(effectiveDate),
  };
  return [{ type: 'MemberNameRemoved', data, effectiveDate }];
};
