import { DomainEvent } from '../shared/domain-event';
import {
  ExemptionReason,
  IntroducingOrganization,
  MemberDisciplineForm,
  MemberRating,
  NameRemovalReason,
  TransferKind,
} from './member.vocabulary';
import { Regulation } from './regulation';

export * from './member.vocabulary';

export type CandidateNominated = DomainEvent<
  'CandidateNominated',
  { memberId: string; fullName: string; birthDate: string; cellId: string }
>;

/**
 * A member admitted before the ledger began, from paper records. `admittedOn` stands for both the
 * decision and the ceremony date (AGE-2: the card's admission date when no decision is on file). The
 * event's effectiveDate is the date from which the records place the member in `cellId`.
 */
export type MemberRegisteredFromRecords = DomainEvent<
  'MemberRegisteredFromRecords',
  {
    memberId: string;
    fullName: string;
    birthDate: string;
    cellId: string;
    admittedOn: string;
    officialOn?: string;
  }
>;

/** ADM-12: `decisionDate` starts party age, the ceremony starts probation; effectiveDate = ceremonyDate. */
export type MemberAdmitted = DomainEvent<
  'MemberAdmitted',
  {
    memberId: string;
    cellId: string;
    decisionRef: string; // "45-QĐ/HU"
    decidedBy: string; // organization whose committee decided
    decisionDate: string;
    ceremonyDate: string;
    introducerIds: string[];
    introducedByOrganization?: IntroducingOrganization;
    /** ADM-11: the ceremony came after the 30 working days, with the direct superior's consent. */
    lateCeremonyConsented?: true;
    regulation: Regulation;
  }
>;

/** REM-6: admission again, with full probation; same dates as MemberAdmitted. effectiveDate = ceremonyDate. */
export type MemberReadmitted = DomainEvent<'MemberReadmitted', MemberAdmitted['data']>;

/** PRB-4: effectiveDate is the end of probation even when `decidedOn` is later. */
export type MembershipMadeOfficial = DomainEvent<
  'MembershipMadeOfficial',
  { memberId: string; decisionRef: string; decidedOn: string; regulation: Regulation }
>;

/** TRF-1: an official transfer takes the member out of every count until arrival (TRF-7). */
export type MemberTransferStarted = DomainEvent<
  'MemberTransferStarted',
  {
    memberId: string;
    transferId: string;
    kind: TransferKind;
    fromCellId: string;
    toCellId: string;
    /** TRF-5: the planned return of a temporary transfer, when the application states it. */
    expectedReturnOn?: string;
  }
>;

/**
 * Arrival at the receiving cell. Official: the member is registered there. Temporary: the member
 * attends there but stays in the home count (TRF-6) until MemberReturnedFromTemporaryTransfer.
 * TRF-4: `late` when presented after `dueBy`; `partyAgeGap` when the competent committee counts the
 * lateness as an interruption of party activity (AGE-1 "transfer gaps").
 */
export type MemberTransferCompleted = DomainEvent<
  'MemberTransferCompleted',
  {
    memberId: string;
    transferId: string;
    kind: TransferKind;
    fromCellId: string;
    toCellId: string;
    dueBy: string;
    late: boolean;
    lateReason?: string;
    partyAgeGap?: { from: string; to: string };
  }
>;

/** The end of a temporary transfer: back to attending the home cell, which never stopped counting them. */
export type MemberReturnedFromTemporaryTransfer = DomainEvent<
  'MemberReturnedFromTemporaryTransfer',
  { memberId: string; transferId: string; fromCellId: string; toCellId: string }
>;

/** A cell merged away: its members are registered in the cell it merged into, without a transfer. */
export type MemberReassigned = DomainEvent<
  'MemberReassigned',
  { memberId: string; fromCellId: string; toCellId: string; mergerOf: string; decisionRef?: string }
>;

/** `until`: the last day of the exemption, when the application states a duration (EXM-2). */
export type MemberExempted = DomainEvent<
  'MemberExempted',
  { memberId: string; reason: ExemptionReason; until?: string }
>;
export type ExemptionEnded = DomainEvent<'ExemptionEnded', { memberId: string }>;

export type MemberAssessed = DomainEvent<
  'MemberAssessed',
  { memberId: string; year: number; rating: MemberRating }
>;

/** From a discipline case. Expulsion is followed by MemberExpelled, which ends the membership. */
export type MemberDisciplined = DomainEvent<
  'MemberDisciplined',
  { memberId: string; caseId: string; form: MemberDisciplineForm; decisionRef: string; decidedBy: string }
>;

/** An appeal ruling or review changed the form; null annuls it (DIS-15). Its date restarts DIS-11. */
export type DisciplineAmended = DomainEvent<
  'DisciplineAmended',
  {
    memberId: string;
    caseId: string;
    form: MemberDisciplineForm | null;
    previousForm: MemberDisciplineForm | null;
    decisionRef: string;
    decidedBy: string;
  }
>;

export type MemberNameRemoved = DomainEvent<
  'MemberNameRemoved',
  { memberId: string; reason: NameRemovalReason; decisionRef?: string; regulation: Regulation }
>;
/** REM-4: voluntary exit, decided by the competent committee. */
export type MemberExited = DomainEvent<
  'MemberExited',
  { memberId: string; decisionRef?: string; regulation: Regulation }
>;
export type MemberExpelled = DomainEvent<
  'MemberExpelled',
  { memberId: string; caseId: string; decisionRef: string }
>;
export type MemberDied = DomainEvent<'MemberDied', { memberId: string }>;

export type PartyCardIssued = DomainEvent<'PartyCardIssued', { memberId: string; cardNumber: string }>;
/** AGE-5: `years` is the badge level (30, 40, 45 … 90). */
export type BadgeAwarded = DomainEvent<
  'BadgeAwarded',
  { memberId: string; years: number; early?: true; posthumous?: true; decisionRef?: string }
>;

/** `position: null` records that the member no longer holds one. */
export type ProfileUpdated = DomainEvent<
  'ProfileUpdated',
  { memberId: string; education?: string; politicalTheory?: string; position?: string | null }
>;

export type MemberEvent =
  | CandidateNominated
  | MemberRegisteredFromRecords
  | MemberAdmitted
  | MemberReadmitted
  | MembershipMadeOfficial
  | MemberTransferStarted
  | MemberTransferCompleted
  | MemberReturnedFromTemporaryTransfer
  | MemberReassigned
  | MemberExempted
  | ExemptionEnded
  | MemberAssessed
  | MemberDisciplined
  | DisciplineAmended
  | MemberNameRemoved
  | MemberExited
  | MemberExpelled
  | MemberDied
  | PartyCardIssued
  | BadgeAwarded
  | ProfileUpdated;

export type MemberEventType = MemberEvent['type'];
