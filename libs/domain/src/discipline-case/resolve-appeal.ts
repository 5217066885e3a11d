import { RuleViolation } from '../shared/rule-violation';
import { AppealResolved } from './discipline-case.events';
import {
  SubjectContext,
  checkFormForFacts,
  requireBodyKind,
  requireCase,
  requireDateUpTo,
  requireFactsFor,
  requireNotBefore,
  requireStatus,
} from './discipline-case.rules';
import { DisciplineCase } from './discipline-case.state';
import {
  APPEAL_OUTCOMES,
  AppealOutcome,
  DisciplineBodyKind,
  DisciplineForm,
  SEVERITY,
} from './discipline-case.vocabulary';

export interface ResolveAppeal {
  readonly caseId: string;
  readonly outcome: AppealOutcome;
  /** The form that replaces the one appealed: required when reduced or increased, absent when annulled. */
  readonly newForm?: DisciplineForm;
  readonly resolvedBy: string;
  readonly resolvedByKind: DisciplineBodyKind;
  readonly decisionRef: string;
  readonly effectiveDate: string;
  /** Defaults to effectiveDate; the lapse runs 12 months from it (DIS-11). */
  readonly announcedOn?: string;
}

/** The form standing after the ruling (null: annulled), consistent with the outcome, or CASE-RULING. */
const formAfter = (
  outcome: AppealOutcome,
  previous: DisciplineForm,
  newForm?: DisciplineForm,
): DisciplineForm | null => {
  const refuse = (why: string) => new RuleViolation('CASE-RULING', `An appeal ${outcome} ${why}`);
  switch (outcome) {
    case 'upheld':
      if (newForm !== undefined && newForm !== previous) throw refuse(`keeps ${previous}, not ${newForm}`);
      return previous;
    case 'annulled':
      if (newForm !== undefined) throw refuse(`leaves no form, not ${newForm}`);
      return null;
    case 'reduced':
    case 'increased': {
      if (newForm === undefined || !(newForm in SEVERITY)) throw refuse('names the new form');
      const lighter = SEVERITY[newForm] < SEVERITY[previous];
      const heavier = SEVERITY[newForm] > SEVERITY[previous];
      if (outcome === 'reduced' ? !lighter : !heavier)
        throw refuse(`goes ${outcome === 'reduced' ? 'below' : 'above'} ${previous}; ${newForm} does not`);
      return newForm;
    }
    default:
      throw refuse(`is not an outcome; one of ${APPEAL_OUTCOMES.join(', ')}`);
  }
};

/**
 * The superior body's ruling on a pending appeal (APP-1: to the superior committee or an inspection
 * committee, so not the body that decided, nor a cell). A new form must fit the subject as it stood on the
 * decision (DIS-1, PRB-6; `context.subject` on that date). Annulment: DIS-15, which the member stream's
 * amendDiscipline (form null) carries out. Who rules at which level (APP-3) and by when (APP-4, [M]) are not checked.
 */
export const resolveAppeal = (
  command: ResolveAppeal,
  state: DisciplineCase,
  context: SubjectContext,
): AppealResolved[] => {
  const kase = requireStatus(requireCase(state, command.caseId), 'appealed', 'ruled on');
  const { caseId, outcome, newForm, resolvedBy, resolvedByKind, decisionRef, effectiveDate } = command;
  const announcedOn = command.announcedOn ?? effectiveDate;
  const previousForm = kase.decision.form;
  requireBodyKind(resolvedByKind);
  if (resolvedByKind === 'cell' || resolvedByKind === 'cell_committee')
    throw new RuleViolation('APP-1', 'An appeal goes to a superior committee or an inspection committee');
  if (resolvedBy === kase.decision.decidedBy && resolvedByKind === kase.decision.decidedByKind)
    throw new RuleViolation('APP-1', 'An appeal is ruled on by a body above the one that decided');
  requireDateUpTo(effectiveDate, context.today, 'effectiveDate');
  requireNotBefore(effectiveDate, kase.appeal.appealedOn, 'effectiveDate', 'the appeal');
  requireDateUpTo(announcedOn, context.today, 'announcedOn');
  requireNotBefore(announcedOn, effectiveDate, 'announcedOn', 'the ruling');
  const form = formAfter(outcome, previousForm, newForm);
  if (form !== null && form !== previousForm) {
    requireFactsFor(kase.subject, context.subject);
    checkFormForFacts(form, context.subject);
  }
  const data = { caseId, outcome, form, previousForm, resolvedBy, resolvedByKind, decisionRef, announcedOn };
  return [{ type: 'AppealResolved', data, effectiveDate }];
};
