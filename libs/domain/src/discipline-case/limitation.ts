import { addDays, addYears } from '../shared/dates';
import { CaseFile, CaseDeferral } from './discipline-case.state';
import { DisciplineForm } from './discipline-case.vocabulary';

/**
 * DIS-8 (members) and DIS-9 (organizations): years of limitation (thời hiệu) per form; null when none
 * runs (expulsion, dissolution). Removal from post is counted with warning (DIS-8).
 */
export const LIMITATION_YEARS: Readonly<Record<DisciplineForm, number | null>> = {
  reprimand: 5,
  warning: 10,
  dismissal: 10,
  expulsion: null,
  dissolution: null,
};

const DAY_MS = 86_400_000;
const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);

/** DIS-7: days deferred before `date` (a deferral still running counts up to it). */
export const deferredDays = (deferrals: readonly CaseDeferral[], date: string): number =>
  deferrals
    .filter((d) => d.from < date)
    .reduce((days, d) => days + daysBetween(d.from, d.until && d.until < date ? d.until : date), 0);

/**
 * The last day on which a body may still conclude the case with `form` (DIS-8/DIS-9), judged on `date`;
 * null when no limitation runs: a form without one, a breach at expulsion (dissolution) level, or one of
 * the listed exceptions. Counted from the breach, or the end of a continuing breach, and lengthened by
 * the time deferred (DIS-7). A new breach restarts it: that is a new case, with its own violation date.
 * Reading: a conclusion exactly 5 (10) years on is still in time; the day after, the period has run.
 */
export const limitationEndsOn = (file: CaseFile, form: DisciplineForm, date: string): string | null => {
  const years = LIMITATION_YEARS[form];
  if (years === null || file.expulsionLevel || file.limitationExempt) return null;
  const from = file.violationEndedOn ?? file.violationDate;
  return addDays(addYears(from, years), deferredDays(file.deferrals, date));
};

/** DIS-8/DIS-9: vote the form first, then ask whether its limitation has run by the conclusion's date. */
export const isTimeBarred = (file: CaseFile, form: DisciplineForm, date: string): boolean => {
  const ends = limitationEndsOn(file, form, date);
  return ends !== null && date > ends;
};
