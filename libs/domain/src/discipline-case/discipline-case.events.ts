import { DomainEvent } from '../shared/domain-event';
import {
  AppealOutcome,
  ClosureReason,
  DeferralReason,
  DisciplineBodyKind,
  DisciplineForm,
  LimitationExemption,
} from './discipline-case.vocabulary';

export * from './discipline-case.vocabulary';

export type CaseSubject =
  | { readonly kind: 'member'; readonly memberId: string }
  | { readonly kind: 'organization'; readonly organizationId: string };

/**
 * A case opened against a member or an organization (which may since have been dissolved or merged,
 * DIS-10). `violationEndedOn`: the end of a continuing breach, from which limitation runs (DIS-8).
 * `expulsionLevel` (dissolution level for organizations) and `limitationExempt`: no limitation runs.
 * `especiallySerious`: the subject is dead and the breach especially serious (REM-5, DIS-10).
 */
export type DisciplineCaseOpened = DomainEvent<
  'DisciplineCaseOpened',
  {
    caseId: string;
    subject: CaseSubject;
    openedBy: string;
    openedByKind: DisciplineBodyKind;
    allegation: string;
    violationDate: string;
    violationEndedOn?: string;
    expulsionLevel?: boolean;
    limitationExempt?: LimitationExemption;
    especiallySerious?: boolean;
  }
>;

/** `expulsionLevel`: the findings conclude the breach warrants expulsion (no limitation, DIS-8). */
export type FindingsRecorded = DomainEvent<
  'FindingsRecorded',
  { caseId: string; findings: string; recordedBy: string; expulsionLevel?: boolean }
>;

/** A body without the power to decide proposes a form to the one that has it (DIS-5: votes on the form). */
export type DisciplineProposed = DomainEvent<
  'DisciplineProposed',
  { caseId: string; form: DisciplineForm; proposedBy: string; votesFor?: number; membersEntitled?: number }
>;

/** DIS-7: consideration deferred; the time until DeferralEnded does not run against limitation. */
export type DisciplineDeferred = DomainEvent<
  'DisciplineDeferred',
  { caseId: string; reason: DeferralReason }
>;
export type DeferralEnded = DomainEvent<'DeferralEnded', { caseId: string }>;

/** The decision (effectiveDate: its date); `announcedOn` starts the 12 months to its lapse (DIS-11). */
export type DisciplineDecided = DomainEvent<
  'DisciplineDecided',
  {
    caseId: string;
    form: DisciplineForm;
    decidedBy: string;
    decidedByKind: DisciplineBodyKind;
    decisionRef: string;
    announcedOn: string;
    votesFor?: number;
    membersEntitled?: number;
  }
>;

/** APP-1. `appealedOn` is also the envelope's effectiveDate; `appellant` defaults to the subject. */
export type DisciplineAppealed = DomainEvent<
  'DisciplineAppealed',
  { caseId: string; appealedOn: string; receivedDecisionOn: string; appellant?: string }
>;

/**
 * The appeal ruling. `form` is the form that stands after it (null: annulled, DIS-15), `previousForm`
 * the one appealed against: what the member stream's DisciplineAmended needs.
 */
export type AppealResolved = DomainEvent<
  'AppealResolved',
  {
    caseId: string;
    outcome: AppealOutcome;
    form: DisciplineForm | null;
    previousForm: DisciplineForm;
    resolvedBy: string;
    resolvedByKind: DisciplineBodyKind;
    decisionRef: string;
    announcedOn: string;
  }
>;

/** `form`: for time_barred, the form voted whose limitation had run (DIS-8). */
export type DisciplineCaseClosed = DomainEvent<
  'DisciplineCaseClosed',
  { caseId: string; reason: ClosureReason; form?: DisciplineForm }
>;

export type DisciplineCaseEvent =
  | DisciplineCaseOpened
  | FindingsRecorded
  | DisciplineProposed
  | DisciplineDeferred
  | DeferralEnded
  | DisciplineDecided
  | DisciplineAppealed
  | AppealResolved
  | DisciplineCaseClosed;
