import { RuleViolation } from '../shared/rule-violation';
import { DisciplineProposed } from './discipline-case.events';
import {
  CaseContext,
  Votes,
  checkFormForSubject,
  checkVotes,
  lastStepOn,
  requireCase,
  requireDateUpTo,
  requireNotBefore,
  requireStatus,
} from './discipline-case.rules';
import { DisciplineCase, runningDeferral } from './discipline-case.state';
import { DisciplineForm } from './discipline-case.vocabulary';

export interface ProposeDiscipline extends Votes {
  readonly caseId: string;
  readonly form: DisciplineForm;
  /** The organization whose body proposes (a cell proposing expulsion, a base committee …). */
  readonly proposedBy: string;
  readonly effectiveDate: string;
}

/**
 * A body proposes a form to the one with the power to decide it: DIS-1 the form fits the subject; DIS-5
 * at least 2/3 to propose expulsion, more than half otherwise (dissolution is not named: more than half);
 * DIS-7 not while deferred. Whether the subject can receive it (PRB-6, a post) is judged at the decision.
 */
export const proposeDiscipline = (
  command: ProposeDiscipline,
  state: DisciplineCase,
  context: CaseContext,
): DisciplineProposed[] => {
  const kase = requireStatus(requireCase(state, command.caseId), 'open', 'given a proposal');
  const { caseId, form, proposedBy, effectiveDate } = command;
  checkFormForSubject(form, kase.subject.kind);
  const deferral = runningDeferral(kase);
  if (deferral) throw new RuleViolation('DIS-7', `Deferred since ${deferral.from} (${deferral.reason})`);
  requireDateUpTo(effectiveDate, context.today, 'effectiveDate');
  requireNotBefore(effectiveDate, lastStepOn(kase), 'effectiveDate', 'the last step of the case');
  const votes = checkVotes(command, form === 'expulsion', `Proposing ${form}`);
  return [{ type: 'DisciplineProposed', data: { caseId, form, proposedBy, ...votes }, effectiveDate }];
};
