import { RuleViolation } from '../shared/rule-violation';
import { MemberExited } from './member.events';
import {
  MemberContext,
  disciplinesInForce,
  requireActive,
  requireDateUpTo,
  requireNotBefore,
} from './member.rules';
import { Member } from './member.state';
import { regulationOn } from './regulation';

/** Xin ra khỏi Đảng: the member's application, decided by the competent committee (REM-4). */
export interface ExitVoluntarily {
  readonly memberId: string;
  readonly decisionRef?: string;
  readonly effectiveDate: string;
}

export interface ExitVoluntarilyContext extends MemberContext {
  /** Discipline cases open against the member (from the discipline-case streams). */
  readonly pendingDisciplineCaseIds: readonly string[];
}

/** REM-4: only without breaches; a member with a case open or a discipline in force is disciplined first. */
export const exitVoluntarily = (
  command: ExitVoluntarily,
  state: Member,
  context: ExitVoluntarilyContext,
): MemberExited[] => {
  const member = requireActive(state, command.memberId, 'let go');
  const { memberId, decisionRef, effectiveDate } = command;
  requireDateUpTo(effectiveDate, context.today, 'effectiveDate');
  requireNotBefore(effectiveDate, member.admission.ceremonyDate, 'effectiveDate', 'the admission ceremony');
  if (context.pendingDisciplineCaseIds.length > 0)
    throw new RuleViolation(
      'REM-4',
      `Discipline case ${context.pendingDisciplineCaseIds.join(', ')} is pending`,
    );
  const [inForce] = disciplinesInForce(member, effectiveDate);
  if (inForce) throw new RuleViolation('REM-4', `A ${inForce.form} (case ${inForce.caseId}) is in force`);
  const data = { memberId, ...(decisionRef ? { decisionRef } : {}), regulation: regulationOn(effectiveDate) };
  return [{ type: 'MemberExited', data, effectiveDate }];
};
