import { assertNever } from '../shared/assert-never';
import { CaseSubject, DisciplineCaseEvent } from './discipline-case.events';
import {
  AppealOutcome,
  ClosureReason,
  DeferralReason,
  DisciplineBodyKind,
  DisciplineForm,
  LimitationExemption,
} from './discipline-case.vocabulary';

/*
 * Besides the rulebook's ids, case decisions refuse with these ids of our own, for preconditions the
 * rulebook takes for granted (a command on an empty stream throws EntityNotFound, a 404, and so does a
 * subject that does not exist):
 * - CASE-EXISTS   the stream already holds a case (ids come in on commands).
 * - CASE-STATE    the case is not at the step the command needs: deciding a case already decided or
 *                 closed, appealing a case not decided, ending a deferral that is not running …
 * - CASE-SUBJECT  the subject cannot be disciplined at all (a candidate, a former member), or the facts
 *                 given are about another subject.
 * - CASE-BODY     a body kind the ledger does not know (discipline-case.vocabulary.ts).
 * - CASE-DATE     a date that is not on the calendar, lies after context.today, or comes before the step
 *                 it depends on (a decision before the opening, an announcement before the decision).
 * - CASE-VOTES    vote counts that are not whole numbers with 0 ≤ votesFor ≤ membersEntitled, or one without the other.
 * - CASE-RULING   an appeal ruling whose form does not match its outcome (a "reduction" to a heavier form).
 * - CASE-CLOSE    an unknown closure reason, or a time-barred closure without the form voted.
 */

export interface CaseFinding {
  readonly findings: string;
  readonly recordedBy: string;
  readonly recordedOn: string;
}

export interface CaseProposal {
  readonly form: DisciplineForm;
  readonly proposedBy: string;
  readonly proposedOn: string;
}

/** DIS-7: from `from` up to (not including) `until`; no `until` while it lasts. */
export interface CaseDeferral {
  readonly reason: DeferralReason;
  readonly from: string;
  readonly until?: string;
}

export interface CaseDecision {
  readonly form: DisciplineForm;
  readonly decidedBy: string;
  readonly decidedByKind: DisciplineBodyKind;
  readonly decisionRef: string;
  readonly decidedOn: string;
  readonly announcedOn: string;
}

export interface AppealRuling {
  readonly outcome: AppealOutcome;
  /** null: annulled. */
  readonly form: DisciplineForm | null;
  readonly resolvedBy: string;
  readonly resolvedByKind: DisciplineBodyKind;
  readonly decisionRef: string;
  readonly ruledOn: string;
  readonly announcedOn: string;
}

export interface CaseAppeal {
  readonly appealedOn: string;
  readonly receivedDecisionOn: string;
  readonly appellant: string;
  readonly ruling?: AppealRuling;
}

export interface CaseClosure {
  readonly reason: ClosureReason;
  readonly closedOn: string;
  readonly form?: DisciplineForm;
}

/** What every case carries from its opening, whatever became of it. */
export interface CaseFile {
  readonly caseId: string;
  readonly subject: CaseSubject;
  readonly openedBy: string;
  readonly openedByKind: DisciplineBodyKind;
  readonly openedOn: string;
  readonly allegation: string;
  readonly violationDate: string;
  readonly violationEndedOn?: string;
  /** DIS-8: at expulsion (dissolution) level, from the opening or the findings: no limitation. */
  readonly expulsionLevel: boolean;
  readonly limitationExempt?: LimitationExemption;
  readonly especiallySerious: boolean;
  readonly findings: readonly CaseFinding[];
  readonly proposals: readonly CaseProposal[];
  readonly deferrals: readonly CaseDeferral[];
}

export type NoCase = { readonly status: 'none' };
export type OpenCase = CaseFile & { readonly status: 'open' };
/** Decided; `appeal` is there once the appeal has been ruled on. */
export type DecidedCase = CaseFile & {
  readonly status: 'decided';
  readonly decision: CaseDecision;
  readonly appeal?: CaseAppeal;
};
/** An appeal is pending (APP-1: the decision is obeyed meanwhile). */
export type AppealedCase = CaseFile & {
  readonly status: 'appealed';
  readonly decision: CaseDecision;
  readonly appeal: CaseAppeal;
};
export type ClosedCase = CaseFile & {
  readonly status: 'closed';
  readonly closure: CaseClosure;
  readonly decision?: CaseDecision;
  readonly appeal?: CaseAppeal;
};
export type ExistingCase = OpenCase | DecidedCase | AppealedCase | ClosedCase;
export type DisciplineCase = NoCase | ExistingCase;

export const initialState: DisciplineCase = { status: 'none' };

/** The deferral still running, if any. */
export const runningDeferral = (state: CaseFile): CaseDeferral | undefined =>
  state.deferrals.find((d) => d.until === undefined);

/**
 * Fold one event. Never throws: the event already happened. An event that does not fit the step the case
 * is at (a decision on an empty stream, an appeal of an undecided case) leaves the state as it was.
 */
export const evolve = (state: DisciplineCase, event: DisciplineCaseEvent): DisciplineCase => {
  const on = event.effectiveDate;
  if (event.type === 'DisciplineCaseOpened') {
    const { expulsionLevel, especiallySerious, ...data } = event.data;
    return {
      status: 'open',
      ...data,
      openedOn: on,
      expulsionLevel: !!expulsionLevel,
      especiallySerious: !!especiallySerious,
      findings: [],
      proposals: [],
      deferrals: [],
    };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'FindingsRecorded': {
      const { findings, recordedBy, expulsionLevel } = event.data;
      return {
        ...state,
        findings: [...state.findings, { findings, recordedBy, recordedOn: on }],
        expulsionLevel: state.expulsionLevel || !!expulsionLevel,
      };
    }
    case 'DisciplineProposed': {
      const { form, proposedBy } = event.data;
      return { ...state, proposals: [...state.proposals, { form, proposedBy, proposedOn: on }] };
    }
    case 'DisciplineDeferred':
      return { ...state, deferrals: [...state.deferrals, { reason: event.data.reason, from: on }] };
    case 'DeferralEnded':
      return {
        ...state,
        deferrals: state.deferrals.map((d) => (d.until === undefined ? { ...d, until: on } : d)),
      };
    case 'DisciplineDecided': {
      if (state.status !== 'open') return state;
      const { form, decidedBy, decidedByKind, decisionRef, announcedOn } = event.data;
      const decision = { form, decidedBy, decidedByKind, decisionRef, decidedOn: on, announcedOn };
      return { ...state, status: 'decided', decision };
    }
    case 'DisciplineAppealed': {
      if (state.status !== 'decided') return state;
      const { appealedOn, receivedDecisionOn, appellant } = event.data;
      const appeal = { appealedOn, receivedDecisionOn, appellant: appellant ?? subjectId(state.subject) };
      return { ...state, status: 'appealed', appeal };
    }
    case 'AppealResolved': {
      if (state.status !== 'appealed') return state;
      const { outcome, form, resolvedBy, resolvedByKind, decisionRef, announcedOn } = event.data;
      const ruling = { outcome, form, resolvedBy, resolvedByKind, decisionRef, ruledOn: on, announcedOn };
      return { ...state, status: 'decided', appeal: { ...state.appeal, ruling } };
    }
    case 'DisciplineCaseClosed': {
      const { reason, form } = event.data;
      return { ...state, status: 'closed', closure: { reason, closedOn: on, ...(form ? { form } : {}) } };
    }
    default:
      return assertNever(event);
  }
};

export const subjectId = (subject: CaseSubject): string =>
  subject.kind === 'member' ? subject.memberId : subject.organizationId;
