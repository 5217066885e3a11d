import {
  ExemptionReason,
  MemberDisciplineForm,
  MemberRating,
  NameRemovalReason,
  TransferKind,
} from './member.vocabulary';
import { YearRatings } from '../shared/year-ratings';

/** The parts the member state (member.state.ts) is made of. */

/** Profile facts that decisions read: a position makes dismissal (cách chức) possible (DIS-1). */
export interface Profile {
  readonly education?: string;
  readonly politicalTheory?: string;
  readonly position?: string;
}

export interface Person {
  readonly memberId: string;
  readonly fullName: string;
  readonly birthDate: string;
  /** The cell the member is registered in (the home cell during a temporary transfer). */
  readonly cellId: string;
  readonly profile: Profile;
}

/** ADM-12. From paper records both dates are the recorded admission date (AGE-2). */
export interface Admission {
  readonly decisionDate: string;
  readonly ceremonyDate: string;
  readonly fromRecords: boolean;
}

export type Departure =
  | { readonly how: 'removed'; readonly on: string; readonly reason: NameRemovalReason }
  | { readonly how: 'exited'; readonly on: string }
  | { readonly how: 'expelled'; readonly on: string; readonly caseId: string }
  | { readonly how: 'died'; readonly on: string };

/** A membership that ended before a readmission (REM-6): what party age (AGE-3) and "once only" need. */
export interface PastMembership extends Admission {
  readonly officialSince?: string;
  readonly departure: Departure;
}

/**
 * TRF-6: a temporary transfer keeps the member in the home count. TRF-7 [M]: an official transfer
 * takes the member out of every count until arrival (see countedInCell).
 */
export interface Transfer {
  readonly transferId: string;
  readonly kind: TransferKind;
  readonly fromCellId: string;
  readonly toCellId: string;
  readonly startedOn: string;
  /** Temporary transfers only: attending at toCellId since then. */
  readonly arrivedOn?: string;
}

export interface Exemption {
  readonly reason: ExemptionReason;
  readonly since: string;
  /** Last day exempted, when a duration was given. */
  readonly until?: string;
}

/** `form: null` once annulled. `inForceFrom` is the announcement, or the latest amendment (DIS-11). */
export interface DisciplineRecord {
  readonly caseId: string;
  readonly form: MemberDisciplineForm | null;
  readonly decidedOn: string;
  readonly inForceFrom: string;
}

/** What every admitted person carries, also after leaving (so an annulled expulsion can restore it). */
export interface Membership extends Person {
  readonly admission: Admission;
  readonly officialSince?: string;
  readonly previousMemberships: readonly PastMembership[];
  readonly transfer?: Transfer;
  readonly exemption?: Exemption;
  /** year → rating (ASM-1), one per year. */
  readonly ratings: YearRatings<MemberRating>;
  readonly disciplines: readonly DisciplineRecord[];
  /** AGE-5 badge levels awarded, in years. */
  readonly badges: readonly number[];
  readonly card?: { readonly number: string; readonly issuedOn: string };
  /** AGE-1 interruptions other than time out of the party (late transfer arrivals). */
  readonly partyAgeGaps: readonly { readonly from: string; readonly to: string }[];
}
