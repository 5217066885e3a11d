/** The closed lists member events and commands draw on (RULEBOOK ids in each comment). */

/** ASM-1: the four yearly ratings (named apart from the organization's so the barrels do not clash). */
export const MEMBER_RATINGS = ['excellent', 'good', 'completed', 'not_completed'] as const;
export type MemberRating = (typeof MEMBER_RATINGS)[number];

/** DIS-1: the forms a member can be disciplined with; dismissal is cách chức (removal from post). */
export const MEMBER_DISCIPLINE_FORMS = ['reprimand', 'warning', 'dismissal', 'expulsion'] as const;
export type MemberDisciplineForm = (typeof MEMBER_DISCIPLINE_FORMS)[number];

export type TransferKind = 'official' | 'temporary';

/** ADM-6: the mass organization whose base executive introduces the applicant with one official member. */
export type IntroducingOrganization = 'youth_union' | 'trade_union';

/** REM-1 grounds (a)–(e), and PRB-3: a probationer found unfit is removed, not expelled (PRB-6). */
export const NAME_REMOVAL_REASONS = [
  'abandoned_activity', // (a) abandoning activity, or 3 months of dues unpaid in a year, without valid reason
  'card_returned_or_destroyed', // (b)
  'no_progress_after_education', // (c) no progress after 12 months of cell education
  'two_years_in_breach', // (d) two years running in breach of member standards
  'failed_political_standards', // (e)
  'probation_failed',
] as const;
export type NameRemovalReason = (typeof NAME_REMOVAL_REASONS)[number];

/** EXM-1 (old or weak) and the EXM-2 grounds for being exempted from work and activities. */
export const EXEMPTION_REASONS = [
  'old_or_weak',
  'medical_treatment',
  'abroad',
  'isolated_work',
  'mobile_work',
  'awaiting_retirement',
  'maternity_leave',
] as const;
export type ExemptionReason = (typeof EXEMPTION_REASONS)[number];
