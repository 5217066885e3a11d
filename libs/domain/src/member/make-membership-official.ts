import { addMonths } from '../shared/dates';
import { RuleViolation } from '../shared/rule-violation';
import { MembershipMadeOfficial } from './member.events';
import { MemberContext, describeStatus, requireDateUpTo, requireExisting } from './member.rules';
import { Member } from './member.state';
import { regulationOn } from './regulation';

/** Công nhận đảng viên chính thức, decided on `decidedOn`. */
export interface MakeMembershipOfficial {
  readonly memberId: string;
  readonly decisionRef: string;
  readonly decidedOn: string;
}

export interface MakeMembershipOfficialContext extends MemberContext {
  /** Official members of the member's cell on the day it voted (PRB-7). */
  readonly officialMembersInCell: number;
}

/**
 * PRB-1 no decision before 12 months from the ceremony; PRB-4 official from the end of those months
 * whatever the decision date; PRB-7 a cell of fewer than 3 official members cannot vote. A probationer
 * in transit or under discipline is not refused: RULEBOOK open question 7 leaves it open.
 */
export const makeMembershipOfficial = (
  command: MakeMembershipOfficial,
  state: Member,
  context: MakeMembershipOfficialContext,
): MembershipMadeOfficial[] => {
  const member = requireExisting(state, command.memberId);
  if (member.status !== 'probationary')
    throw new RuleViolation(
      'MEMBER-STATE',
      `Only a probationary member can be made official; this one is ${describeStatus(member)}`,
    );
  requireDateUpTo(command.decidedOn, context.today, 'decidedOn');
  const probationEnds = addMonths(member.admission.ceremonyDate, 12);
  if (command.decidedOn < probationEnds)
    throw new RuleViolation(
      'PRB-1',
      `Probation runs until ${probationEnds}; decided on ${command.decidedOn}`,
    );
  if (context.officialMembersInCell < 3)
    throw new RuleViolation(
      'PRB-7',
      `The cell has ${context.officialMembersInCell} official members; 3 needed to vote`,
    );
  const { memberId, decisionRef, decidedOn } = command;
  const data = { memberId, decisionRef, decidedOn, regulation: regulationOn(decidedOn) };
  return [{ type: 'MembershipMadeOfficial', data, effectiveDate: probationEnds }];
};
