import { RuleViolation } from '../shared/rule-violation';
import { PartyCardIssued } from './member.events';
import { MemberContext, requireDateUpTo, requireExisting } from './member.rules';
import { Member } from './member.state';

/** Thẻ đảng viên, issued by the direct superior of the base organization; reissued on loss or exchange. */
export interface IssuePartyCard {
  readonly memberId: string;
  readonly cardNumber: string;
  readonly effectiveDate: string;
}

/** AGE-7: cards only for official members, and only from the day they became official. */
export const issuePartyCard = (
  command: IssuePartyCard,
  state: Member,
  context: MemberContext,
): PartyCardIssued[] => {
  const member = requireExisting(state, command.memberId);
  const { memberId, cardNumber, effectiveDate } = command;
  requireDateUpTo(effectiveDate, context.today, 'effectiveDate');
  if (member.status !== 'official')
    throw new RuleViolation(
      'AGE-7',
      `Cards are issued only to official members; this one is ${member.status}`,
    );
  if (effectiveDate < member.officialSince)
    throw new RuleViolation('AGE-7', `Official only since ${member.officialSince}`);
  return [{ type: 'PartyCardIssued', data: { memberId, cardNumber }, effectiveDate }];
};
