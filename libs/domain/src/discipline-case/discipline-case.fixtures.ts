import { decider } from '../testing/given-when-then';
import { DecideDiscipline, DecideDisciplineContext, decideDiscipline } from './decide-discipline';
import {
  AppealOutcome,
  ClosureReason,
  DeferralReason,
  DisciplineCaseEvent,
  DisciplineCaseOpened,
  DisciplineDecided,
  DisciplineForm,
} from './discipline-case.events';
import { MemberFacts, OrganizationFacts } from './discipline-case.facts';
import { DisciplineCase, evolve, initialState } from './discipline-case.state';
import { SubjectFacts } from './discipline-case.facts';

/**
 * Spec fixtures, built from events as the ledger would hold them. Not exported from the domain.
 * The default case: opened on 2025-01-10 by the inspection committee of base-1 against member m-1 of
 * cell-1 for a breach of 2024-11-01; today is 2025-06-01.
 */
export const spec = decider(evolve, initialState);

export const CASE_ID = 'case-1';
export const MEMBER_ID = 'm-1';
export const ORGANIZATION_ID = 'cell-9';
export const TODAY = '2025-06-01';
export const OPENED = '2025-01-10';
export const VIOLATION = '2024-11-01';
export const DECIDED = '2025-03-01';

/** An official member of cell-1 holding no post. */
export const aMember = (facts: Partial<MemberFacts> = {}): MemberFacts => ({
  kind: 'member',
  memberId: MEMBER_ID,
  standing: 'official',
  holdsPosition: false,
  cellId: 'cell-1',
  ...facts,
});

/** cell-9, under base-1, under commune-1, under province-1. */
export const anOrganization = (facts: Partial<OrganizationFacts> = {}): OrganizationFacts => ({
  kind: 'organization',
  organizationId: ORGANIZATION_ID,
  status: 'active',
  superiorIds: ['base-1', 'commune-1', 'province-1'],
  ...facts,
});

type Opening = Partial<DisciplineCaseOpened['data']>;

export const opened = (changes: Opening = {}, on = OPENED): DisciplineCaseEvent => ({
  type: 'DisciplineCaseOpened',
  data: {
    caseId: CASE_ID,
    subject: { kind: 'member', memberId: MEMBER_ID },
    openedBy: 'base-1',
    openedByKind: 'inspection_committee',
    allegation: 'Dues unpaid and false declarations',
    violationDate: VIOLATION,
    ...changes,
  },
  effectiveDate: on,
});

export const openedAgainstOrganization = (changes: Opening = {}, on = OPENED): DisciplineCaseEvent =>
  opened(
    { subject: { kind: 'organization', organizationId: ORGANIZATION_ID }, openedBy: 'commune-1', ...changes },
    on,
  );

export const findingsRecorded = (on: string, expulsionLevel = false): DisciplineCaseEvent => ({
  type: 'FindingsRecorded',
  data: {
    caseId: CASE_ID,
    findings: 'The allegation is founded',
    recordedBy: 'base-1',
    ...(expulsionLevel ? { expulsionLevel } : {}),
  },
  effectiveDate: on,
});

export const proposed = (form: DisciplineForm, on: string): DisciplineCaseEvent => ({
  type: 'DisciplineProposed',
  data: { caseId: CASE_ID, form, proposedBy: 'cell-1' },
  effectiveDate: on,
});

export const deferred = (on: string, reason: DeferralReason = 'maternity_leave'): DisciplineCaseEvent => ({
  type: 'DisciplineDeferred',
  data: { caseId: CASE_ID, reason },
  effectiveDate: on,
});

export const deferralEnded = (on: string): DisciplineCaseEvent => ({
  type: 'DeferralEnded',
  data: { caseId: CASE_ID },
  effectiveDate: on,
});

export const decided = (
  form: DisciplineForm,
  on = DECIDED,
  changes: Partial<DisciplineDecided['data']> = {},
): DisciplineCaseEvent => ({
  type: 'DisciplineDecided',
  data: {
    caseId: CASE_ID,
    form,
    decidedBy: 'base-1',
    decidedByKind: 'inspection_committee',
    decisionRef: '7-QĐ/UBKT',
    announcedOn: on,
    ...changes,
  },
  effectiveDate: on,
});

export const appealed = (on: string, receivedDecisionOn = on): DisciplineCaseEvent => ({
  type: 'DisciplineAppealed',
  data: { caseId: CASE_ID, appealedOn: on, receivedDecisionOn },
  effectiveDate: on,
});

export const resolved = (
  outcome: AppealOutcome,
  form: DisciplineForm | null,
  previousForm: DisciplineForm,
  on: string,
): DisciplineCaseEvent => ({
  type: 'AppealResolved',
  data: {
    caseId: CASE_ID,
    outcome,
    form,
    previousForm,
    resolvedBy: 'commune-1',
    resolvedByKind: 'standing_committee',
    decisionRef: '3-QĐ/ĐU',
    announcedOn: on,
  },
  effectiveDate: on,
});

export const closed = (reason: ClosureReason, on: string, form?: DisciplineForm): DisciplineCaseEvent => ({
  type: 'DisciplineCaseClosed',
  data: { caseId: CASE_ID, reason, ...(form ? { form } : {}) },
  effectiveDate: on,
});

export const anOpenCase = (changes: Opening = {}): DisciplineCaseEvent[] => [opened(changes)];
export const aDecidedCase = (form: DisciplineForm = 'warning', on = DECIDED): DisciplineCaseEvent[] => [
  ...anOpenCase(),
  decided(form, on),
];
export const anAppealedCase = (
  form: DisciplineForm = 'warning',
  appealedOn = '2025-03-10',
): DisciplineCaseEvent[] => [...aDecidedCase(form), appealed(appealedOn, '2025-03-05')];

/** A warning decided on 2025-03-01 by the inspection committee of base-1, for decideDiscipline specs. */
export const aDecision: DecideDiscipline = {
  caseId: CASE_ID,
  form: 'warning',
  decidedBy: 'base-1',
  decidedByKind: 'inspection_committee',
  decisionRef: '7-QĐ/UBKT',
  effectiveDate: DECIDED,
};
export const decide =
  (
    changes: Partial<DecideDiscipline> = {},
    subject: SubjectFacts = aMember(),
    more: Partial<DecideDisciplineContext> = {},
  ) =>
  (state: DisciplineCase) =>
    decideDiscipline({ ...aDecision, ...changes }, state, { today: TODAY, subject, ...more });
