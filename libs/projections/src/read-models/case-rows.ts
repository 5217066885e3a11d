import {
  DisciplineCase,
  DomainEvent,
  evolveDisciplineCase,
  initialDisciplineCaseState,
} from '@ledger/domain';
import { Segment, timeline } from './timeline';
import { total } from './total-evolve';

export interface CaseRow {
  subjectKind: 'member' | 'organization';
  subjectId: string;
  openedBy: string;
  openedOn: string;
  status: string;
  /** The form that stands: the appeal ruling's when there is one (null when annulled), else the decision's. */
  form: string | null;
  decisionRef: string | null;
}

const evolve = total((s: DisciplineCase, e: DomainEvent) => evolveDisciplineCase(s, e as never));

export const caseRow = (state: DisciplineCase): CaseRow | null => {
  if (state.status === 'none') return null;
  const subject = state.subject;
  const decision = 'decision' in state ? state.decision : undefined;
  const ruling = 'appeal' in state ? state.appeal?.ruling : undefined;
  const form = ruling ? (ruling.form ?? null) : (decision?.form ?? null);
  return {
    subjectKind: subject.kind,
    subjectId: subject.kind === 'member' ? subject.memberId : subject.organizationId,
    openedBy: state.openedBy,
    openedOn: state.openedOn,
    status: state.status,
    form,
    decisionRef: ruling?.decisionRef ?? decision?.decisionRef ?? null,
  };
};

export const caseTimeline = (events: readonly DomainEvent[]): Segment<CaseRow>[] =>
  timeline(events, evolve, initialDisciplineCaseState, caseRow);
