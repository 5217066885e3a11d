import { addMonths } from '../shared/dates';
import { DisciplineCase } from './discipline-case.state';
import { DisciplineForm } from './discipline-case.vocabulary';

/** A decision or an appeal ruling, as far as its lapse goes. */
export interface AnnouncedDiscipline {
  readonly form: DisciplineForm;
  readonly announcedOn: string;
}

/**
 * DIS-11: the first day a decision (or an appeal ruling) is no longer in force: 12 months after its
 * announcement; null for expulsion and dissolution, which never lapse. The lapse also needs "no relapse
 * and no new breach": the ledger learns of those as new cases, so time alone decides here, and a query on
 * a later date sees the discipline lapsed without any event recorded. (The member stream's inForceOn
 * counts the same 12 months.)
 */
export const lapsesOn = (discipline: AnnouncedDiscipline): string | null =>
  discipline.form === 'expulsion' || discipline.form === 'dissolution'
    ? null
    : addMonths(discipline.announcedOn, 12);

const inForceUntilLapse = (discipline: AnnouncedDiscipline, date: string): boolean => {
  const lapse = lapsesOn(discipline);
  return lapse === null || date < lapse;
};

/**
 * The form the case's discipline has on `date`, or null: none decided by then, lapsed (DIS-11), or
 * annulled on appeal (from the ruling on; DIS-15 restores what it took). The decision is in force from its
 * effective date; while an appeal is pending it is obeyed (APP-1) and does not lapse (DIS-11: "if no
 * complaint"); from the ruling, the ruling's form counts, lapsing 12 months after the ruling's announcement.
 */
export const disciplineInForceOn = (state: DisciplineCase, date: string): DisciplineForm | null => {
  if (state.status === 'none' || state.status === 'open' || !state.decision) return null;
  const { decision, appeal } = state;
  const ruling = appeal?.ruling;
  if (ruling && date >= ruling.ruledOn)
    return ruling.form && inForceUntilLapse({ form: ruling.form, announcedOn: ruling.announcedOn }, date)
      ? ruling.form
      : null;
  if (date < decision.decidedOn) return null;
  const lapse = lapsesOn(decision);
  const appealedInForce =
    appeal !== undefined && date >= appeal.appealedOn && (lapse === null || appeal.appealedOn < lapse);
  return appealedInForce || inForceUntilLapse(decision, date) ? decision.form : null;
};

export const inForceOn = (state: DisciplineCase, date: string): boolean =>
  disciplineInForceOn(state, date) !== null;
