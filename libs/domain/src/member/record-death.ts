import { MemberDied } from './member.events';
import { MemberContext, requireActive, requireDateUpTo, requireNotBefore } from './member.rules';
import { Member } from './member.state';

export interface RecordDeath {
  readonly memberId: string;
  readonly effectiveDate: string;
}

/**
 * REM-5: death ends membership. Only a member's death is recorded: a candidate was never a member, and
 * someone who had already left is no longer on the rolls this stream keeps.
 */
export const recordDeath = (command: RecordDeath, state: Member, context: MemberContext): MemberDied[] => {
  const member = requireActive(state, command.memberId, 'recorded as dead');
  requireDateUpTo(command.effectiveDate, context.today, 'effectiveDate');
  requireNotBefore(
    command.effectiveDate,
    member.admission.ceremonyDate,
    'effectiveDate',
    'the admission ceremony',
  );
  return [{ type: 'MemberDied', data: { memberId: command.memberId }, effectiveDate: command.effectiveDate }];
};
