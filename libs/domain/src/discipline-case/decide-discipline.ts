import { RuleViolation } from '../shared/rule-violation';
import { DecidingBody, checkAuthority } from './authority';
import { DisciplineDecided } from './discipline-case.events';
import {
  SubjectContext,
  Votes,
  checkFormForFacts,
  checkVotes,
  lastStepOn,
  requireBodyKind,
  requireCase,
  requireDateUpTo,
  requireDisciplinable,
  requireFactsFor,
  requireNotBefore,
  requireStatus,
} from './discipline-case.rules';
import { DisciplineCase, runningDeferral } from './discipline-case.state';
import { DisciplineForm } from './discipline-case.vocabulary';
import { isTimeBarred, limitationEndsOn } from './limitation';

export interface DecideDiscipline extends Votes {
  readonly caseId: string;
  readonly form: DisciplineForm;
  readonly decidedBy: string;
  readonly decidedByKind: DecidingBody['decidedByKind'];
  readonly decisionRef: string;
  /** The date of the decision, the competent body's conclusion (DIS-8). */
  readonly effectiveDate: string;
  /** Defaults to effectiveDate; a cell's decision takes effect when announced, so both are one (DIS-6). */
  readonly announcedOn?: string;
}

/** Facts on the decision date; `delegatedAdmissionPower` when a base committee decides (DIS-3). */
export interface DecideDisciplineContext extends SubjectContext {
  readonly delegatedAdmissionPower?: boolean;
}

/**
 * The competent body's decision, checked in the order the body works: the subject can still be disciplined
 * (REM-5, DIS-10), the form fits it (DIS-1, PRB-6), the body may impose it (DIS-2..4), the vote carried it
 * (DIS-5); only then limitation (DIS-8/DIS-9) — a form whose period has run is refused, and the case is
 * closed time_barred instead (closeCase). Not while deferred (DIS-7).
 */
export const decideDiscipline = (
  command: DecideDiscipline,
  state: DisciplineCase,
  context: DecideDisciplineContext,
): DisciplineDecided[] => {
  const kase = requireStatus(requireCase(state, command.caseId), 'open', 'decided');
  const { caseId, form, decidedBy, decidedByKind, decisionRef, effectiveDate } = command;
  const announcedOn = command.announcedOn ?? effectiveDate;
  requireBodyKind(decidedByKind);
  const deferral = runningDeferral(kase);
  if (deferral) throw new RuleViolation('DIS-7', `Deferred since ${deferral.from} (${deferral.reason})`);
  requireDateUpTo(effectiveDate, context.today, 'effectiveDate');
  requireNotBefore(effectiveDate, lastStepOn(kase), 'effectiveDate', 'the last step of the case');
  requireDateUpTo(announcedOn, context.today, 'announcedOn');
  requireNotBefore(announcedOn, effectiveDate, 'announcedOn', 'the decision');
  if (decidedByKind === 'cell' && announcedOn !== effectiveDate)
    throw new RuleViolation('DIS-6', "A cell's decision takes effect when the vote is announced: one date");
  requireFactsFor(kase.subject, context.subject);
  requireDisciplinable(context.subject, kase.especiallySerious);
  checkFormForFacts(form, context.subject);
  checkAuthority(form, context.subject, {
    decidedBy,
    decidedByKind,
    delegatedAdmissionPower: context.delegatedAdmissionPower,
  });
  const votes = checkVotes(command, false, `Deciding ${form}`);
  if (isTimeBarred(kase, form, effectiveDate))
    throw new RuleViolation(
      kase.subject.kind === 'member' ? 'DIS-8' : 'DIS-9',
      `The limitation for ${form} ran out on ${limitationEndsOn(kase, form, effectiveDate)}; close the case as time-barred`,
    );
  const data = { caseId, form, decidedBy, decidedByKind, decisionRef, announcedOn, ...votes };
  return [{ type: 'DisciplineDecided', data, effectiveDate }];
};
