import { RuleViolation } from '../shared/rule-violation';
import { CaseSubject, DisciplineCaseOpened } from './discipline-case.events';
import {
  SubjectContext,
  requireBodyKind,
  requireDate,
  requireDateUpTo,
  requireDisciplinable,
  requireFactsFor,
  requireNotBefore,
} from './discipline-case.rules';
import { DisciplineCase } from './discipline-case.state';
import { DisciplineBodyKind, LIMITATION_EXEMPTIONS, LimitationExemption } from './discipline-case.vocabulary';

export interface OpenDisciplineCase {
  readonly caseId: string;
  readonly subject: CaseSubject;
  /** The organization whose body opens the case (an inspection committee's, a cell …). */
  readonly openedBy: string;
  readonly openedByKind: DisciplineBodyKind;
  readonly allegation: string;
  readonly violationDate: string;
  /** A continuing breach: the day it ended (limitation runs from there, DIS-8). */
  readonly violationEndedOn?: string;
  readonly expulsionLevel?: boolean;
  readonly limitationExempt?: LimitationExemption;
  /** REM-5, DIS-10: a dead member's breach was especially serious. */
  readonly especiallySerious?: boolean;
  readonly effectiveDate: string;
}

/**
 * Opens a case against a member (probationary or official; the dead only for especially serious breaches,
 * REM-5) or an organization, also one dissolved or merged since (DIS-10). `context.subject`: the subject's
 * facts on the opening date. DIS-9 lists no illegal-diploma exception for organizations.
 */
export const openCase = (
  command: OpenDisciplineCase,
  state: DisciplineCase,
  context: SubjectContext,
): DisciplineCaseOpened[] => {
  if (state.status !== 'none')
    throw new RuleViolation('CASE-EXISTS', `Case ${command.caseId} already exists`);
  const {
    caseId,
    subject,
    openedBy,
    openedByKind,
    allegation,
    violationDate,
    violationEndedOn,
    effectiveDate,
  } = command;
  requireFactsFor(subject, context.subject);
  requireDisciplinable(context.subject, !!command.especiallySerious);
  requireBodyKind(openedByKind);
  requireDateUpTo(effectiveDate, context.today, 'effectiveDate');
  requireDate(violationDate, 'violationDate');
  requireNotBefore(effectiveDate, violationDate, 'effectiveDate', 'the violation');
  if (violationEndedOn !== undefined) {
    requireDate(violationEndedOn, 'violationEndedOn');
    requireNotBefore(violationEndedOn, violationDate, 'violationEndedOn', 'the violation');
    requireNotBefore(effectiveDate, violationEndedOn, 'effectiveDate', 'the end of the violation');
  }
  const exempt = command.limitationExempt;
  if (exempt !== undefined && !LIMITATION_EXEMPTIONS.includes(exempt))
    throw new RuleViolation('DIS-8', `${String(exempt)} is not a breach exempt from limitation`);
  if (exempt === 'illegal_diploma' && subject.kind === 'organization')
    throw new RuleViolation('DIS-9', 'The illegal-diploma exception to limitation is for members only');
  const data = {
    caseId,
    subject,
    openedBy,
    openedByKind,
    allegation,
    violationDate,
    ...(violationEndedOn !== undefined ? { violationEndedOn } : {}),
    ...(command.expulsionLevel ? { expulsionLevel: true } : {}),
    ...(exempt !== undefined ? { limitationExempt: exempt } : {}),
    ...(command.especiallySerious ? { especiallySerious: true } : {}),
  };
  return [{ type: 'DisciplineCaseOpened', data, effectiveDate }];
};
