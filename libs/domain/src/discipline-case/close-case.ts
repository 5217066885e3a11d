import { RuleViolation } from '../shared/rule-violation';
import { DisciplineCaseClosed } from './discipline-case.events';
import {
  CaseContext,
  checkFormForSubject,
  lastStepOn,
  requireCase,
  requireDateUpTo,
  requireNotBefore,
  requireStatus,
} from './discipline-case.rules';
import { DisciplineCase, ExistingCase } from './discipline-case.state';
import { CLOSURE_REASONS, ClosureReason, DisciplineForm } from './discipline-case.vocabulary';
import { isTimeBarred, limitationEndsOn } from './limitation';

export interface CloseDisciplineCase {
  readonly caseId: string;
  readonly reason: ClosureReason;
  /** time_barred only: the form voted, whose limitation had run (DIS-8). */
  readonly form?: DisciplineForm;
  readonly effectiveDate: string;
}

/** The last date a closure may not precede: the decision or the appeal ruling, or the last open step. */
const closingFloor = (kase: ExistingCase): string =>
  kase.status === 'decided' && kase.appeal?.ruling ? kase.appeal.ruling.ruledOn : lastStepOn(kase);

/**
 * Closes a case. no_violation and dropped: an open case. decided: a decided case with no appeal pending.
 * time_barred: an open case, given the form voted, and only when that form's limitation has run by the
 * closing date (DIS-8 members, DIS-9 organizations) — the answer to a decision refused for limitation.
 */
export const closeCase = (
  command: CloseDisciplineCase,
  state: DisciplineCase,
  context: CaseContext,
): DisciplineCaseClosed[] => {
  const existing = requireCase(state, command.caseId);
  const { caseId, reason, form, effectiveDate } = command;
  if (!CLOSURE_REASONS.includes(reason))
    throw new RuleViolation('CASE-CLOSE', `${String(reason)} is not a reason to close`);
  const kase =
    reason === 'decided'
      ? requireStatus(existing, 'decided', 'closed as decided')
      : requireStatus(existing, 'open', `closed as ${reason}`);
  requireDateUpTo(effectiveDate, context.today, 'effectiveDate');
  requireNotBefore(effectiveDate, closingFloor(kase), 'effectiveDate', 'the last step of the case');
  if (reason !== 'time_barred') {
    if (form !== undefined)
      throw new RuleViolation('CASE-CLOSE', `A form is given only when closing as time-barred`);
    return [{ type: 'DisciplineCaseClosed', data: { caseId, reason }, effectiveDate }];
  }
  if (form === undefined) throw new RuleViolation('CASE-CLOSE', 'A time-barred closure names the form voted');
  checkFormForSubject(form, kase.subject.kind);
  if (!isTimeBarred(kase, form, effectiveDate)) {
    const ends = limitationEndsOn(kase, form, effectiveDate);
    throw new RuleViolation(
      kase.subject.kind === 'member' ? 'DIS-8' : 'DIS-9',
      ends === null ? `No limitation runs for this ${form}` : `The limitation for ${form} runs until ${ends}`,
    );
  }
  return [{ type: 'DisciplineCaseClosed', data: { caseId, reason, form }, effectiveDate }];
};
