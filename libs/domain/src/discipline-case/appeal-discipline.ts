import { addDays } from '../shared/dates';
import { RuleViolation } from '../shared/rule-violation';
import { DisciplineAppealed } from './discipline-case.events';
import { CaseContext, requireCase, requireDateUpTo, requireNotBefore } from './discipline-case.rules';
import { DecidedCase, DisciplineCase, subjectId } from './discipline-case.state';

export interface AppealDiscipline {
  readonly caseId: string;
  /** The day the subject received the written decision. */
  readonly receivedDecisionOn: string;
  /** Who appeals; the subject itself when absent. */
  readonly appellant?: string;
  /** The day the appeal was lodged. */
  readonly effectiveDate: string;
}

/** APP-1: one month of receiving the decision, counted as QĐ296 Art. 25 does: 30 days. */
export const APPEAL_DAYS = 30;

/** The last day an appeal against a decision received on `receivedOn` is in time (APP-1). */
export const appealDueBy = (receivedOn: string): string => addDays(receivedOn, APPEAL_DAYS);

/**
 * APP-1: the subject appeals within 30 days of receiving the decision, and obeys it meanwhile. APP-2
 * grounds checked from the case: late (refused under APP-1, whose deadline it is), an appeal pending or
 * already ruled on (kept simple: one appeal per case, its ruling final), on another's behalf, lodged before
 * receiving the decision. The grounds the case cannot see (a sentence, a transfer) are not checked.
 */
export const appealDiscipline = (
  command: AppealDiscipline,
  state: DisciplineCase,
  context: CaseContext,
): DisciplineAppealed[] => {
  const kase = requireCase(state, command.caseId);
  const { caseId, receivedDecisionOn, appellant, effectiveDate } = command;
  if (kase.status === 'appealed')
    throw new RuleViolation('APP-2', `An appeal lodged on ${kase.appeal.appealedOn} is pending`);
  if (kase.status !== 'decided')
    throw new RuleViolation('CASE-STATE', `Case ${caseId} is ${kase.status}; only a decision is appealed`);
  const decided: DecidedCase = kase;
  if (decided.appeal?.ruling)
    throw new RuleViolation(
      'APP-2',
      `The appeal was ruled on ${decided.appeal.ruling.ruledOn}; the ruling is final`,
    );
  if (appellant !== undefined && appellant !== subjectId(decided.subject))
    throw new RuleViolation('APP-2', `${appellant} cannot appeal on behalf of ${subjectId(decided.subject)}`);
  requireDateUpTo(effectiveDate, context.today, 'effectiveDate');
  requireDateUpTo(receivedDecisionOn, context.today, 'receivedDecisionOn');
  requireNotBefore(receivedDecisionOn, decided.decision.decidedOn, 'receivedDecisionOn', 'the decision');
  if (effectiveDate < receivedDecisionOn)
    throw new RuleViolation(
      'APP-2',
      `Lodged on ${effectiveDate}, before the decision was received (${receivedDecisionOn})`,
    );
  if (effectiveDate > appealDueBy(receivedDecisionOn))
    throw new RuleViolation(
      'APP-1',
      `An appeal is due within ${APPEAL_DAYS} days of receiving the decision, by ${appealDueBy(receivedDecisionOn)}`,
    );
  const data = {
    caseId,
    appealedOn: effectiveDate,
    receivedDecisionOn,
    ...(appellant !== undefined ? { appellant } : {}),
  };
  return [{ type: 'DisciplineAppealed', data, effectiveDate }];
};
