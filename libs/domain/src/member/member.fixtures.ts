import { decider } from '../testing/given-when-then';
import {
  ExemptionReason,
  MemberDisciplineForm,
  MemberEvent,
  MemberRating,
  NameRemovalReason,
  TransferKind,
} from './member.events';
import { CellFacts } from './member.rules';
import { evolve, initialState } from './member.state';

/**
 * Spec fixtures, built from events as the ledger would hold them. Not exported from the domain.
 * The default life: born 1990-05-10, nominated in cell-1 (base-1) on 2023-01-10, admitted by a decision
 * of 2023-03-01 with the ceremony on 2023-03-15, official from 2024-03-15; today is 2025-06-01.
 */
export const spec = decider(evolve, initialState);

export const MEMBER_ID = 'm-1';
export const TODAY = '2025-06-01';
export const BIRTH = '1990-05-10';
export const DECISION = '2023-03-01';
export const CEREMONY = '2023-03-15';
export const OFFICIAL = '2024-03-15';

export const aCell = (id = 'cell-1', facts: Partial<CellFacts> = {}): CellFacts => ({
  id,
  kind: 'cell',
  active: true,
  baseOrganizationId: 'base-1',
  ...facts,
});

interface Life {
  birthDate?: string;
  cellId?: string;
  decisionDate?: string;
  ceremonyDate?: string;
}

export const nominated = (life: Life = {}): MemberEvent => ({
  type: 'CandidateNominated',
  data: {
    memberId: MEMBER_ID,
    fullName: 'Nguyễn Văn A',
    birthDate: life.birthDate ?? BIRTH,
    cellId: life.cellId ?? 'cell-1',
  },
  effectiveDate: '2023-01-10',
});

const admissionData = (life: Life) => ({
  memberId: MEMBER_ID,
  cellId: life.cellId ?? 'cell-1',
  decisionRef: '45-QĐ/ĐU',
  decidedBy: 'base-1',
  decisionDate: life.decisionDate ?? DECISION,
  ceremonyDate: life.ceremonyDate ?? CEREMONY,
  introducerIds: ['i-1', 'i-2'],
  regulation: 'QĐ24' as const,
});

export const admitted = (life: Life = {}): MemberEvent => ({
  type: 'MemberAdmitted',
  data: admissionData(life),
  effectiveDate: life.ceremonyDate ?? CEREMONY,
});

export const readmitted = (life: Life): MemberEvent => ({
  type: 'MemberReadmitted',
  data: admissionData(life),
  effectiveDate: life.ceremonyDate ?? CEREMONY,
});

export const madeOfficial = (on = OFFICIAL): MemberEvent => ({
  type: 'MembershipMadeOfficial',
  data: { memberId: MEMBER_ID, decisionRef: '12-QĐ/ĐU', decidedOn: on, regulation: 'QĐ24' },
  effectiveDate: on,
});

export const aCandidate = (life: Life = {}): MemberEvent[] => [nominated(life)];
export const aProbationaryMember = (life: Life = {}): MemberEvent[] => [...aCandidate(life), admitted(life)];
export const anOfficialMember = (life: Life = {}): MemberEvent[] => [
  ...aProbationaryMember(life),
  madeOfficial(),
];

/** A member from paper records, official for decades. */
export const aVeteran = (admittedOn = '1985-06-01', officialOn = '1986-06-01'): MemberEvent[] => [
  {
    type: 'MemberRegisteredFromRecords',
    data: {
      memberId: MEMBER_ID,
      fullName: 'Trần Thị B',
      birthDate: '1960-01-01',
      cellId: 'cell-1',
      admittedOn,
      officialOn,
    },
    effectiveDate: '2020-01-01',
  },
];

export const disciplined = (form: MemberDisciplineForm, on: string, caseId = 'case-1'): MemberEvent => ({
  type: 'MemberDisciplined',
  data: { memberId: MEMBER_ID, caseId, form, decisionRef: '7-QĐ/UBKT', decidedBy: 'base-1' },
  effectiveDate: on,
});

export const expelled = (on: string, caseId = 'case-1'): MemberEvent[] => [
  disciplined('expulsion', on, caseId),
  {
    type: 'MemberExpelled',
    data: { memberId: MEMBER_ID, caseId, decisionRef: '7-QĐ/UBKT' },
    effectiveDate: on,
  },
];

export const amended = (
  form: MemberDisciplineForm | null,
  on: string,
  previousForm: MemberDisciplineForm | null,
  caseId = 'case-1',
): MemberEvent => ({
  type: 'DisciplineAmended',
  data: { memberId: MEMBER_ID, caseId, form, previousForm, decisionRef: '3-QĐ/TU', decidedBy: 'province-1' },
  effectiveDate: on,
});

export const exempted = (
  on: string,
  reason: ExemptionReason = 'old_or_weak',
  until?: string,
): MemberEvent => ({
  type: 'MemberExempted',
  data: { memberId: MEMBER_ID, reason, ...(until ? { until } : {}) },
  effectiveDate: on,
});

export const exemptionEnded = (on: string): MemberEvent => ({
  type: 'ExemptionEnded',
  data: { memberId: MEMBER_ID },
  effectiveDate: on,
});

export const transferStarted = (
  kind: TransferKind,
  on: string,
  toCellId = 'cell-2',
  transferId = 't-1',
): MemberEvent => ({
  type: 'MemberTransferStarted',
  data: { memberId: MEMBER_ID, transferId, kind, fromCellId: 'cell-1', toCellId },
  effectiveDate: on,
});

export const arrived = (
  kind: TransferKind,
  on: string,
  toCellId = 'cell-2',
  transferId = 't-1',
): MemberEvent => ({
  type: 'MemberTransferCompleted',
  data: { memberId: MEMBER_ID, transferId, kind, fromCellId: 'cell-1', toCellId, dueBy: on, late: false },
  effectiveDate: on,
});

export const nameRemoved = (reason: NameRemovalReason, on: string): MemberEvent => ({
  type: 'MemberNameRemoved',
  data: { memberId: MEMBER_ID, reason, regulation: 'QĐ24' },
  effectiveDate: on,
});

export const exited = (on: string): MemberEvent => ({
  type: 'MemberExited',
  data: { memberId: MEMBER_ID, regulation: 'QĐ24' },
  effectiveDate: on,
});

export const died = (on: string): MemberEvent => ({
  type: 'MemberDied',
  data: { memberId: MEMBER_ID },
  effectiveDate: on,
});

export const assessed = (year: number, rating: MemberRating): MemberEvent => ({
  type: 'MemberAssessed',
  data: { memberId: MEMBER_ID, year, rating },
  effectiveDate: `${year}-12-20`,
});

export const badgeAwarded = (years: number, on: string): MemberEvent => ({
  type: 'BadgeAwarded',
  data: { memberId: MEMBER_ID, years },
  effectiveDate: on,
});

export const holdsPosition = (position = 'cell secretary', on = '2024-06-01'): MemberEvent => ({
  type: 'ProfileUpdated',
  data: { memberId: MEMBER_ID, position },
  effectiveDate: on,
});
