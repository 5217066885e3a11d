import { isIsoDate } from '../shared/dates';
import { EntityNotFound, RuleViolation } from '../shared/rule-violation';
import { CaseSubject } from './discipline-case.events';
import { SubjectFacts } from './discipline-case.facts';
import { CaseFile, DisciplineCase, ExistingCase, subjectId } from './discipline-case.state';
import {
  DISCIPLINE_BODY_KINDS,
  DISCIPLINE_FORMS,
  DisciplineBodyKind,
  DisciplineForm,
  FORMS_BY_SUBJECT,
  SubjectKind,
} from './discipline-case.vocabulary';

/** Every case decision gets today's date from outside: the domain has no clock. */
export interface CaseContext {
  readonly today: string;
}

/** Facts about the subject on the command's effective date (see discipline-case.facts.ts). */
export interface SubjectContext extends CaseContext {
  readonly subject: SubjectFacts;
}

export const requireCase = (state: DisciplineCase, caseId: string): ExistingCase => {
  if (state.status === 'none') throw new EntityNotFound('DisciplineCase', caseId);
  return state;
};

export const requireStatus = <S extends ExistingCase['status']>(
  state: ExistingCase,
  status: S,
  action: string,
): Extract<ExistingCase, { status: S }> => {
  if (state.status !== status)
    throw new RuleViolation('CASE-STATE', `Case ${state.caseId} is ${state.status}; it cannot be ${action}`);
  return state as Extract<ExistingCase, { status: S }>;
};

export const requireDate = (value: string, field: string): void => {
  if (!isIsoDate(value)) throw new RuleViolation('CASE-DATE', `${field} ${value} is not a calendar date`);
};

/** A step is recorded once it has been taken: nothing dated after today. */
export const requireDateUpTo = (value: string, today: string, field: string): void => {
  requireDate(value, field);
  if (value > today) throw new RuleViolation('CASE-DATE', `${field} ${value} is after today (${today})`);
};

export const requireNotBefore = (value: string, floor: string, field: string, what: string): void => {
  if (value < floor) throw new RuleViolation('CASE-DATE', `${field} ${value} is before ${what} (${floor})`);
};

/** The facts given must be about the case's subject. */
export const requireFactsFor = (subject: CaseSubject, facts: SubjectFacts): void => {
  const factsId = facts.kind === 'member' ? facts.memberId : facts.organizationId;
  if (facts.kind !== subject.kind || factsId !== subjectId(subject))
    throw new RuleViolation(
      'CASE-SUBJECT',
      `Facts given for ${facts.kind} ${factsId}, not for ${subject.kind} ${subjectId(subject)}`,
    );
};

export const requireBodyKind = (kind: DisciplineBodyKind): void => {
  if (!DISCIPLINE_BODY_KINDS.includes(kind))
    throw new RuleViolation('CASE-BODY', `${String(kind)} is not a body that handles cases`);
};

/** DIS-1: the form exists and fits the kind of subject (organizations are not expelled, members not dissolved). */
export const checkFormForSubject = (form: DisciplineForm, kind: SubjectKind): void => {
  if (!DISCIPLINE_FORMS.includes(form))
    throw new RuleViolation('DIS-1', `${String(form)} is not a discipline form`);
  if (!FORMS_BY_SUBJECT[kind].includes(form))
    throw new RuleViolation('DIS-1', `A ${kind} cannot be given ${form}`);
};

/**
 * DIS-1 and PRB-6 on the subject as it stood: a probationer is only reprimanded or warned, removal from
 * post needs a post. The member stream's applyDiscipline checks the same on its own state.
 */
export const checkFormForFacts = (form: DisciplineForm, facts: SubjectFacts): void => {
  checkFormForSubject(form, facts.kind);
  if (facts.kind !== 'member') return;
  if (facts.standing === 'probationary' && form !== 'reprimand' && form !== 'warning')
    throw new RuleViolation('PRB-6', `A probationer is only reprimanded or warned, not given ${form}`);
  if (form === 'dismissal' && !facts.holdsPosition)
    throw new RuleViolation('DIS-1', 'Removal from post (cách chức) needs a post held');
};

/**
 * The subject can be disciplined at all on the date: it exists (404 otherwise); a member is a member
 * (not a candidate, not gone by exit, removal or expulsion); the dead only for especially serious
 * breaches (REM-5, DIS-10). Organizations merged or dissolved since are within reach (DIS-10).
 */
export const requireDisciplinable = (facts: SubjectFacts, especiallySerious: boolean): void => {
  if (facts.kind === 'organization') {
    if (facts.status === 'none') throw new EntityNotFound('Organization', facts.organizationId);
    return;
  }
  const { standing, memberId } = facts;
  if (standing === 'none') throw new EntityNotFound('Member', memberId);
  if (standing === 'died') {
    if (!especiallySerious)
      throw new RuleViolation('REM-5', 'The dead are disciplined only for especially serious breaches');
    return;
  }
  if (standing !== 'probationary' && standing !== 'official')
    throw new RuleViolation('CASE-SUBJECT', `Only a member is disciplined; ${memberId} is ${standing}`);
};

/** DIS-5: both counts or neither; whole numbers with 0 ≤ votesFor ≤ membersEntitled. */
export interface Votes {
  readonly votesFor?: number;
  readonly membersEntitled?: number;
}

const isCount = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0;

/**
 * DIS-5: the vote on the form. `twoThirds`: at least 2/3 (proposing expulsion); otherwise more than half
 * of the body's members entitled to vote (MTG-4), not of those present (DES-3). No counts: recorded from
 * papers that do not give them, accepted. When no form passes, votes are added from the heaviest form
 * down until one does (QĐ69 Art. 15): `votesFor` is the count the form carried in the end.
 */
export const checkVotes = (votes: Votes, twoThirds: boolean, what: string): Votes => {
  const { votesFor, membersEntitled } = votes;
  if (votesFor === undefined && membersEntitled === undefined) return {};
  if (!isCount(votesFor) || !isCount(membersEntitled) || membersEntitled < 1 || votesFor > membersEntitled)
    throw new RuleViolation(
      'CASE-VOTES',
      `Votes ${String(votesFor)} of ${String(membersEntitled)} are not counts of a body's members`,
    );
  const passes = twoThirds ? votesFor * 3 >= membersEntitled * 2 : votesFor * 2 > membersEntitled;
  if (!passes)
    throw new RuleViolation(
      'DIS-5',
      `${what} needs ${twoThirds ? 'at least 2/3' : 'more than half'} of ${membersEntitled} members; it had ${votesFor}`,
    );
  return { votesFor, membersEntitled };
};

/** The last step recorded on the case: later steps may not be dated before it. */
export const lastStepOn = (state: CaseFile & { decision?: { decidedOn: string } }): string =>
  [
    state.openedOn,
    ...state.findings.map((f) => f.recordedOn),
    ...state.proposals.map((p) => p.proposedOn),
    ...state.deferrals.flatMap((d) => [d.from, d.until ?? d.from]),
    state.decision?.decidedOn ?? state.openedOn,
  ].reduce((a, b) => (a >= b ? a : b));
