import { OrganizationKind } from '@ledger/domain';

/**
 * The point-in-time questions of DESIGN.md "Time" and "The organization tree changes over time".
 * Two implementations answer them: the oracle (a pure replay of the log, the definition of
 * correct) and the read models in PostgreSQL (fast). Property tests hold them equal.
 *
 * Every question is asked "as known at" an instant: only events with recordedAt <= knownAt
 * count, corrections recorded by then included. `asOf`/`from`/`to` are effective (valid-time)
 * dates, inclusive.
 */
export interface Bitemporal {
  /** ISO instant; undefined: everything recorded. */
  knownAt?: string;
}

export interface CountsQuery extends Bitemporal {
  organizationId: string;
  asOf: string;
}

/** "84 subordinate organizations with 2,551 members" — over the subtree as it stood on asOf. */
export interface Counts {
  organizationId: string;
  asOf: string;
  /** Active members (probationary + official) counted in a cell of the subtree (TRF-6/TRF-7: see countedInCell). */
  total: number;
  probationary: number;
  official: number;
  /** Of `total`, those exempted on asOf (EXM-5: still counted). */
  exempted: number;
  /** Active organizations strictly below the organization on asOf, by kind (kinds with none are 0). */
  organizations: Record<OrganizationKind, number>;
}

export type RosterStatus = 'probationary' | 'official';

export interface RosterQuery extends Bitemporal {
  organizationId: string;
  asOf: string;
  status?: RosterStatus;
  /** Page, 0-based offset; order: fullName then memberId (plain string comparison of NFC text). */
  offset: number;
  limit: number;
}

export interface RosterEntry {
  memberId: string;
  fullName: string;
  status: RosterStatus;
  cellId: string;
  exempted: boolean;
}

export interface Roster {
  total: number;
  items: RosterEntry[];
}

export interface FlowsQuery extends Bitemporal {
  organizationId: string;
  from: string;
  to: string;
}

export const FLOW_KINDS = [
  'admitted',
  'readmitted',
  'madeOfficial',
  'transferredIn',
  'transferredOut',
  'nameRemoved',
  'exited',
  'expelled',
  'died',
] as const;
export type FlowKind = (typeof FLOW_KINDS)[number];

export const DISCIPLINE_FORMS = ['reprimand', 'warning', 'dismissal', 'expulsion'] as const;
export type DisciplineForm = (typeof DISCIPLINE_FORMS)[number];

/** One member event behind a figure: what a drill-down lists. */
export interface FlowItem {
  kind: FlowKind | 'disciplined';
  memberId: string;
  eventId: string;
  type: string;
  effectiveDate: string;
  decisionRef?: string;
  form?: DisciplineForm;
}

/** "699 admitted from 6/2021 to 3/2024". */
export type Flows = Record<FlowKind, number> & {
  organizationId: string;
  from: string;
  to: string;
  disciplined: Record<DisciplineForm, number> & { total: number };
};

export interface RatingsQuery extends Bitemporal {
  organizationId: string;
  year: number;
  /** ASM-3: excellent ≤ 20% of this denominator — 'good' or 'goodOrBetter' (configurable, rulebook open question 3). */
  quotaDenominator?: 'good' | 'goodOrBetter';
}

export type RatingCounts = {
  excellent: number;
  good: number;
  completed: number;
  not_completed: number;
  total: number;
};

export interface Ratings {
  organizationId: string;
  year: number;
  members: RatingCounts & { shares: Record<'excellent' | 'good' | 'completed' | 'not_completed', number> };
  organizations: RatingCounts & {
    shares: Record<'excellent' | 'good' | 'completed' | 'not_completed', number>;
  };
  /** ASM-3 for members: excellent ≤ 20% of the denominator. */
  excellentQuota: { denominator: 'good' | 'goodOrBetter'; limit: number; excellent: number; holds: boolean };
}

/** The questions, as one interface both implementations offer. */
export interface PointInTime {
  counts(q: CountsQuery): Promise<Counts>;
  roster(q: RosterQuery): Promise<Roster>;
  flows(q: FlowsQuery): Promise<Flows>;
  flowItems(q: FlowsQuery & { kind: FlowKind | 'disciplined' }): Promise<FlowItem[]>;
  ratings(q: RatingsQuery): Promise<Ratings>;
}

export interface MeetingsQuery extends Bitemporal {
  organizationId: string;
  from: string;
  to: string;
}

/** MTG-1, MTG-2, MTG-5 over the cells (cell, base_cell) of the subtree as it stood on `to`. */
export interface MeetingStatistics {
  organizationId: string;
  from: string;
  to: string;
  cells: number;
  /** Calendar months from the month of `from` to the month of `to`. */
  months: number;
  /** MTG-1: cells with a regular meeting held in every one of those months. */
  cellsMeetingEveryMonth: number;
  shareMeetingEveryMonth: number;
  /** Calendar quarters from the quarter of `from` to the quarter of `to`. */
  quarters: number;
  /** MTG-2: cells with a thematic meeting held in every one of those quarters. */
  cellsWithThematicEveryQuarter: number;
  shareThematicEveryQuarter: number;
  regularMeetings: number;
  thematicMeetings: number;
  /** Σ present / Σ expected over every meeting of those cells in the period; null when none. */
  attendance: number | null;
  /** MTG-5: attendance above 85%. */
  attendanceAbove85: boolean;
}

const monthIndex = (date: string) => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;

/** Months and quarters a period touches, from its first to its last (both inclusive). */
export const periodUnits = (from: string, to: string): { months: number; quarters: number } => ({
  months: monthIndex(to) - monthIndex(from) + 1,
  quarters: Math.floor(monthIndex(to) / 3) - Math.floor(monthIndex(from) / 3) + 1,
});

export interface CasesQuery extends Bitemporal {
  organizationId: string;
  /** Cases opened (effective date of the opening) from `from` to `to`, inclusive. */
  from: string;
  to: string;
  status?: 'open' | 'decided' | 'appealed' | 'closed';
}

export interface CaseListItem {
  caseId: string;
  subjectKind: 'member' | 'organization';
  subjectId: string;
  openedBy: string;
  openedOn: string;
  /** As of `to`. */
  status: string;
  form: string | null;
  decisionRef: string | null;
}
