/** The closed lists discipline-case events and commands draw on (RULEBOOK ids in each comment). */

/**
 * DIS-1: every discipline form. Members: reprimand (khiển trách), warning (cảnh cáo), dismissal (cách chức,
 * removal from post), expulsion (khai trừ); organizations: reprimand, warning, dissolution (giải tán).
 */
export const DISCIPLINE_FORMS = ['reprimand', 'warning', 'dismissal', 'expulsion', 'dissolution'] as const;
export type DisciplineForm = (typeof DISCIPLINE_FORMS)[number];

export type SubjectKind = 'member' | 'organization';

/** DIS-1: the forms each kind of subject can receive (PRB-6 narrows them further for probationers). */
export const FORMS_BY_SUBJECT: Readonly<Record<SubjectKind, readonly DisciplineForm[]>> = {
  member: ['reprimand', 'warning', 'dismissal', 'expulsion'],
  organization: ['reprimand', 'warning', 'dissolution'],
};

/** How heavy a form is, for appeal rulings that reduce or increase it: reprimand < warning < dismissal < expulsion. */
export const SEVERITY: Readonly<Record<DisciplineForm, number>> = {
  reprimand: 1,
  warning: 2,
  dismissal: 3,
  expulsion: 4,
  dissolution: 4,
};

/**
 * The bodies that open, decide and rule on cases, as far as DIS-2..4 tell them apart. The body is named
 * by the organization it belongs to (`openedBy`, `decidedBy`, …) and this kind:
 * - cell               chi bộ (also a base cell), deciding by vote of its members (DIS-2);
 * - cell_committee     chi ủy: no power to discipline (DIS-2);
 * - base_committee     đảng ủy cơ sở (DIS-3);
 * - higher_committee   the executive committee (cấp ủy) of a level above the base: commune, district
 *                      before 7/2025, province, centre;
 * - standing_committee ban thường vụ of such a committee;
 * - inspection_committee ủy ban kiểm tra, from the base committees upward (ORG-9).
 */
export const DISCIPLINE_BODY_KINDS = [
  'cell',
  'cell_committee',
  'base_committee',
  'higher_committee',
  'standing_committee',
  'inspection_committee',
] as const;
export type DisciplineBodyKind = (typeof DISCIPLINE_BODY_KINDS)[number];

/**
 * DIS-8/DIS-9: breaches for which no limitation runs, besides those at expulsion (dissolution) level:
 * internal political security (bảo vệ chính trị nội bộ); defence, security or foreign affairs harming
 * national interests; illegal diplomas (members only).
 */
export const LIMITATION_EXEMPTIONS = [
  'internal_political_security',
  'national_interest',
  'illegal_diploma',
] as const;
export type LimitationExemption = (typeof LIMITATION_EXEMPTIONS)[number];

/** DIS-7: why considering a member's discipline is deferred. */
export const DEFERRAL_REASONS = [
  'pregnancy',
  'maternity_leave',
  'nursing_child_under_12_months',
  'critically_ill_in_hospital',
  'lacking_capacity',
] as const;
export type DeferralReason = (typeof DEFERRAL_REASONS)[number];

export const APPEAL_OUTCOMES = ['upheld', 'reduced', 'increased', 'annulled'] as const;
export type AppealOutcome = (typeof APPEAL_OUTCOMES)[number];

/**
 * no_violation: the findings cleared the subject; dropped: not pursued (the subject left, the allegation
 * was withdrawn); time_barred: the form voted can no longer be imposed (DIS-8/DIS-9); decided: the
 * decision (and any appeal ruling) stands and the file is closed.
 */
export const CLOSURE_REASONS = ['no_violation', 'dropped', 'time_barred', 'decided'] as const;
export type ClosureReason = (typeof CLOSURE_REASONS)[number];
