import { RuleViolation } from '../shared/rule-violation';
import { checkForm, wasProbationerOn } from './apply-discipline';
import { DisciplineAmended, MemberDisciplineForm, MemberExpelled } from './member.events';
import { MemberContext, requireDateUpTo, requireExisting } from './member.rules';
import { Member } from './member.state';

/** An appeal ruling (APP-1) or a review changing or annulling (form: null) a discipline already applied. */
export interface AmendDiscipline {
  readonly memberId: string;
  readonly caseId: string;
  readonly form: MemberDisciplineForm | null;
  readonly decisionRef: string;
  readonly decidedBy: string;
  readonly effectiveDate: string;
}

/**
 * DIS-1/PRB-6 hold for the new form, judged on the original decision's date. Lowering or annulling an
 * expulsion restores the membership (DIS-15), party age unbroken (AGE-4): evolve does it. Raising a
 * form to expulsion ends the membership as applyDiscipline would.
 */
export const amendDiscipline = (
  command: AmendDiscipline,
  state: Member,
  context: MemberContext,
): (DisciplineAmended | MemberExpelled)[] => {
  const member = requireExisting(state, command.memberId);
  const { memberId, caseId, form, decisionRef, decidedBy, effectiveDate } = command;
  if (member.status === 'candidate')
    throw new RuleViolation('MEMBER-STATE', 'A candidate has no discipline to amend');
  const applied = member.disciplines.find((d) => d.caseId === caseId);
  if (!applied) throw new RuleViolation('MEMBER-STATE', `No discipline of case ${caseId} was applied`);
  if (applied.form === form) return [];
  requireDateUpTo(effectiveDate, context.today, 'effectiveDate');
  if (effectiveDate < applied.inForceFrom)
    throw new RuleViolation(
      'MEMBER-DATE',
      `Amended on ${effectiveDate}, before the decision of ${applied.inForceFrom}`,
    );
  if (form !== null) checkForm(member, form, wasProbationerOn(member, applied.decidedOn));
  const amended: DisciplineAmended = {
    type: 'DisciplineAmended',
    data: { memberId, caseId, form, previousForm: applied.form, decisionRef, decidedBy },
    effectiveDate,
  };
  const expels = form === 'expulsion' && member.status !== 'left';
  return expels
    ? [amended, { type: 'MemberExpelled', data: { memberId, caseId, decisionRef }, effectiveDate }]
    : [amended];
};
