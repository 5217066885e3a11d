import { RuleViolation } from '../shared/rule-violation';
import { MemberFacts, OrganizationFacts, SubjectFacts } from './discipline-case.facts';
import { DisciplineBodyKind, DisciplineForm } from './discipline-case.vocabulary';

/** The body deciding: the organization it belongs to and its kind (discipline-case.vocabulary.ts). */
export interface DecidingBody {
  readonly decidedBy: string;
  readonly decidedByKind: DisciplineBodyKind;
  /** DIS-3: a base committee delegated the power to admit members (ORG-8), as the handler knows it. */
  readonly delegatedAdmissionPower?: boolean;
}

/** DIS-2..4: whether this body may impose this form on this subject. */
export const checkAuthority = (form: DisciplineForm, subject: SubjectFacts, body: DecidingBody): void =>
  subject.kind === 'member'
    ? checkMemberAuthority(form, subject, body)
    : checkOrganizationAuthority(form, subject, body);

const checkMemberAuthority = (form: DisciplineForm, member: MemberFacts, body: DecidingBody): void => {
  switch (body.decidedByKind) {
    case 'cell_committee':
      throw new RuleViolation('DIS-2', 'A cell committee has no power to discipline; the cell decides');
    case 'cell':
      // DIS-2 [C]: the cell reprimands or warns its own members. Breaches of tasks assigned by a higher
      // level belong to the higher body; the ledger does not know the task, so that is not checked.
      if (form !== 'reprimand' && form !== 'warning')
        throw new RuleViolation('DIS-2', `A cell only reprimands or warns; ${form} is for a higher body`);
      if (member.cellId !== body.decidedBy)
        throw new RuleViolation(
          'DIS-2',
          `Cell ${body.decidedBy} disciplines its own members; ${member.memberId} is in ${member.cellId ?? 'no cell'}`,
        );
      return;
    case 'base_committee':
      // DIS-3 [M], read to refuse least: reprimand, warning and removal from post; expulsion only when
      // delegated the power to admit. "In its unit" and "except its own committee members and cadres
      // managed higher up" need facts the ledger does not hold, so they are not checked.
      if (form === 'expulsion' && !body.delegatedAdmissionPower)
        throw new RuleViolation(
          'DIS-3',
          'A base committee expels only when delegated the power to admit members',
        );
      return;
    case 'higher_committee':
    case 'standing_committee':
    case 'inspection_committee':
      // DIS-3 [M]: "inspection and higher committees hold wider powers": every member form.
      return;
  }
};

const ORGANIZATION_DECIDERS: readonly DisciplineBodyKind[] = [
  'base_committee',
  'higher_committee',
  'standing_committee',
];

/**
 * DIS-4: reprimand and warning by a superior committee or its standing committee [C2] — the direct
 * superior, or one above it, which holds at least its powers; dissolution by a committee at least one level
 * above the direct superior [M], read to refuse least (any level above it, not exactly the next).
 */
const checkOrganizationAuthority = (
  form: DisciplineForm,
  organization: OrganizationFacts,
  body: DecidingBody,
): void => {
  if (!ORGANIZATION_DECIDERS.includes(body.decidedByKind))
    throw new RuleViolation(
      'DIS-4',
      `A ${body.decidedByKind} does not discipline organizations; a superior committee or its standing committee does`,
    );
  const level = organization.superiorIds.indexOf(body.decidedBy);
  if (level < 0)
    throw new RuleViolation(
      'DIS-4',
      `${body.decidedBy} is not above ${organization.organizationId}; only a superior disciplines it`,
    );
  if (form === 'dissolution' && level < 1)
    throw new RuleViolation(
      'DIS-4',
      'Dissolution is decided one level above the direct superior, which only proposes it',
    );
};
