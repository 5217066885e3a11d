import { RuleViolation } from '../shared/rule-violation';
import {
  MEMBER_DISCIPLINE_FORMS,
  MemberDisciplineForm,
  MemberDisciplined,
  MemberExpelled,
} from './member.events';
import { MemberContext, describeStatus, requireDateUpTo, requireExisting } from './member.rules';
import { Member, Membership } from './member.state';

/** A discipline decided in a case (DIS-5, DIS-6), applied to the member's stream. */
export interface ApplyDiscipline {
  readonly memberId: string;
  readonly caseId: string;
  readonly form: MemberDisciplineForm;
  readonly decisionRef: string;
  /** The body that decided (cell, committee, inspection committee). */
  readonly decidedBy: string;
  readonly effectiveDate: string;
  /** REM-5: the breach of a member now dead was especially serious. */
  readonly especiallySerious?: boolean;
}

/** DIS-1 and PRB-6: which forms the member can receive, by status on the day and post held. */
export const checkForm = (
  member: Membership & { status: string },
  form: MemberDisciplineForm,
  probationer: boolean,
): void => {
  if (!MEMBER_DISCIPLINE_FORMS.includes(form))
    throw new RuleViolation('DIS-1', `${String(form)} is not a discipline form`);
  if (probationer && form !== 'reprimand' && form !== 'warning')
    throw new RuleViolation('PRB-6', `A probationer is only reprimanded or warned, not given ${form}`);
  if (form === 'dismissal' && !member.profile.position)
    throw new RuleViolation('DIS-1', 'Removal from post (cách chức) needs a post held');
};

/** A probationer on `date`: probation had begun and recognition had not yet taken effect. */
export const wasProbationerOn = (member: Membership, date: string): boolean =>
  member.admission.ceremonyDate <= date && (!member.officialSince || date < member.officialSince);

/**
 * DIS-1, PRB-6 the forms; REM-5 the dead only for especially serious breaches (DIS-10); an expulsion
 * ends the membership with MemberExpelled (not for the dead, whose membership ended already).
 */
export const applyDiscipline = (
  command: ApplyDiscipline,
  state: Member,
  context: MemberContext,
): (MemberDisciplined | MemberExpelled)[] => {
  const member = requireExisting(state, command.memberId);
  const { memberId, caseId, form, decisionRef, decidedBy, effectiveDate } = command;
  if (member.status === 'candidate' || (member.status === 'left' && member.departure.how !== 'died'))
    throw new RuleViolation(
      'MEMBER-STATE',
      `Only a member is disciplined; this one is ${describeStatus(member)}`,
    );
  const dead = member.status === 'left';
  if (dead && !command.especiallySerious)
    throw new RuleViolation('REM-5', 'The dead are disciplined only for especially serious breaches');
  if (member.disciplines.some((d) => d.caseId === caseId))
    throw new RuleViolation('MEMBER-STATE', `Case ${caseId} was already applied; amend it instead`);
  requireDateUpTo(effectiveDate, context.today, 'effectiveDate');
  checkForm(member, form, wasProbationerOn(member, effectiveDate));
  const disciplined: MemberDisciplined = {
    type: 'MemberDisciplined',
    data: { memberId, caseId, form, decisionRef, decidedBy },
    effectiveDate,
  };
  if (form !== 'expulsion' || dead) return [disciplined];
  return [disciplined, { type: 'MemberExpelled', data: { memberId, caseId, decisionRef }, effectiveDate }];
};
