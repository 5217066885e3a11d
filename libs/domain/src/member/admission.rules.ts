import { addWorkingDays, fullMonthsBetween } from '../shared/dates';
import { RuleViolation } from '../shared/rule-violation';
import { IntroducingOrganization, MemberAdmitted } from './member.events';
import {
  CellFacts,
  MemberContext,
  requireDate,
  requireDateUpTo,
  requireRegistrableCell,
} from './member.rules';
import { Member } from './member.state';
import { regulationOn } from './regulation';

/** An introducer as the handler found them on the day of the command. */
export interface IntroducerFacts {
  readonly memberId: string;
  readonly status: Member['status'];
  /** Base organization of the introducer's cell; undefined when not registered anywhere. */
  readonly baseOrganizationId?: string;
}

export interface AdmissionContext extends MemberContext {
  /** The cell the person is admitted into. */
  readonly cell: CellFacts;
  /** Facts for each of the command's introducerIds. */
  readonly introducers: readonly IntroducerFacts[];
  /** Public holidays, for the ADM-11 working-day deadline (DES-2). */
  readonly holidays?: ReadonlySet<string>;
}

/** What an admission (ADM) and a readmission (REM-6: "all admission conditions") decide on. */
export interface AdmissionTerms {
  readonly memberId: string;
  readonly decisionRef: string;
  /** Organization whose committee decided (ORG-8). */
  readonly decidedBy: string;
  /** ADM-12: starts party age. */
  readonly decisionDate: string;
  /** ADM-12: starts probation; the event's effective date. */
  readonly ceremonyDate: string;
  /** ADM-1: when the cell considered the application; defaults to decisionDate. */
  readonly consideredOn?: string;
  /** ADM-11: when the cell received the decision; defaults to decisionDate. */
  readonly decisionReceivedOn?: string;
  readonly introducerIds: readonly string[];
  /** ADM-6: one official member plus the base Youth Union or trade-union executive. */
  readonly introducedByOrganization?: IntroducingOrganization;
  /** ADM-11: the direct superior consented to a ceremony after 30 working days. */
  readonly lateCeremonyConsented?: boolean;
  /** ADM-1: a committee directly under the Central Committee decided to admit a person over 60. */
  readonly over60Approved?: boolean;
}

const MIN_AGE_MONTHS = 18 * 12;
const MAX_AGE_MONTHS = 60 * 12;

/** ADM-1: from full 18 to full 60, counted in months; 60 years and a month is over 60. */
const checkAge = (terms: AdmissionTerms, birthDate: string): void => {
  const consideredOn = terms.consideredOn ?? terms.decisionDate;
  const months = fullMonthsBetween(birthDate, consideredOn);
  if (months < MIN_AGE_MONTHS)
    throw new RuleViolation(
      'ADM-1',
      `Aged ${Math.floor(months / 12)} years ${months % 12} months on ${consideredOn}; 18 needed`,
    );
  if (months > MAX_AGE_MONTHS && !terms.over60Approved)
    throw new RuleViolation(
      'ADM-1',
      `Over 60 on ${consideredOn}: only a committee directly under the Central Committee can admit`,
    );
};

/**
 * ADM-5: two official members of the same base organization; ADM-6: one, with the Youth Union or
 * trade-union introduction. Extra introducers who do not qualify are ignored rather than refused,
 * the reading that refuses least. ADM-5's "≥12 months together" is not known to the ledger.
 */
const checkIntroducers = (terms: AdmissionTerms, context: AdmissionContext): void => {
  const rule = terms.introducedByOrganization ? 'ADM-6' : 'ADM-5';
  const needed = terms.introducedByOrganization ? 1 : 2;
  const ids = [...new Set(terms.introducerIds)].filter((id) => id !== terms.memberId);
  const reasons: string[] = [];
  const qualifying = ids.filter((id) => {
    const facts = context.introducers.find((i) => i.memberId === id);
    if (!facts) reasons.push(`${id} is unknown`);
    else if (facts.status !== 'official') reasons.push(`${id} is not an official member`);
    else if (facts.baseOrganizationId !== context.cell.baseOrganizationId)
      reasons.push(`${id} is in another base organization`);
    else return true;
    return false;
  });
  if (qualifying.length < needed)
    throw new RuleViolation(
      rule,
      `${needed} introducing official member(s) of the same base organization needed, ${qualifying.length} found` +
        (reasons.length ? `: ${reasons.join('; ')}` : ''),
    );
};

/** ADM-12 orders the dates; ADM-11 bounds the ceremony by 30 working days unless the superior consented. */
const checkDates = (terms: AdmissionTerms, context: AdmissionContext): boolean => {
  const { decisionDate, ceremonyDate } = terms;
  requireDate(decisionDate, 'decisionDate');
  requireDateUpTo(ceremonyDate, context.today, 'ceremonyDate');
  if (terms.consideredOn) requireDate(terms.consideredOn, 'consideredOn');
  if (terms.consideredOn && terms.consideredOn > decisionDate)
    throw new RuleViolation(
      'MEMBER-DATE',
      `The cell considered on ${terms.consideredOn}, after the decision`,
    );
  if (decisionDate > ceremonyDate)
    throw new RuleViolation('ADM-12', `Ceremony ${ceremonyDate} before the decision ${decisionDate}`);
  const receivedOn = terms.decisionReceivedOn ?? decisionDate;
  requireDate(receivedOn, 'decisionReceivedOn');
  if (receivedOn < decisionDate || receivedOn > ceremonyDate)
    throw new RuleViolation(
      'MEMBER-DATE',
      `Decision received on ${receivedOn}, outside ${decisionDate}–${ceremonyDate}`,
    );
  const deadline = addWorkingDays(receivedOn, 30, context.holidays);
  const late = ceremonyDate > deadline;
  if (late && !terms.lateCeremonyConsented)
    throw new RuleViolation(
      'ADM-11',
      `Ceremony due by ${deadline}; later only with the direct superior's consent`,
    );
  return late;
};

/** Every admission condition, in the order an officer would check them; the event data when all hold. */
export const decideAdmission = (
  terms: AdmissionTerms,
  person: { birthDate: string; cellId: string },
  context: AdmissionContext,
): MemberAdmitted['data'] => {
  const late = checkDates(terms, context);
  requireRegistrableCell(context.cell, person.cellId);
  checkAge(terms, person.birthDate);
  checkIntroducers(terms, context);
  return admissionData(terms, person.cellId, late);
};

const admissionData = (terms: AdmissionTerms, cellId: string, late: boolean): MemberAdmitted['data'] => ({
  memberId: terms.memberId,
  cellId,
  decisionRef: terms.decisionRef,
  decidedBy: terms.decidedBy,
  decisionDate: terms.decisionDate,
  ceremonyDate: terms.ceremonyDate,
  introducerIds: [...terms.introducerIds],
  ...(terms.introducedByOrganization ? { introducedByOrganization: terms.introducedByOrganization } : {}),
  ...(late ? { lateCeremonyConsented: true } : {}),
  regulation: regulationOn(terms.decisionDate),
});
