import { assertNever } from '../shared/assert-never';
import { withRating } from '../shared/year-ratings';
import { MemberAdmitted, MemberEvent, MemberReadmitted } from './member.events';
import { Departure, Membership, PastMembership, Person } from './member.records';

export * from './member.records';

/*
 * Besides the rulebook's ids, member decisions refuse with these ids of our own, for preconditions
 * the rulebook takes for granted:
 * - MEMBER-EXISTS      the stream already holds a person (ids come in on commands).
 * - MEMBER-STATE       the member is not in the lifecycle state the command needs: admitting someone
 *                      who is not a candidate, transferring someone already in transit, ending an
 *                      exemption that is not running, amending a case never applied, a second badge of
 *                      the same level, acting on someone who has left …
 * - MEMBER-CELL        the cell named is not an active cell or base cell (members are registered only
 *                      there, DESIGN "Event catalog"), or is the cell the member is already in.
 * - MEMBER-DATE        a date that is not on the calendar, lies after context.today, or comes before
 *                      the fact it depends on (an arrival before its departure, an exit before admission).
 * - ASM-ONCE-PER-YEAR  a second rating for a year (as for organizations); a correction is its own event.
 * - ASM-YEAR           a year rated before it has begun.
 * A command on an empty stream throws EntityNotFound (404), except the two that create the member.
 */

export type NoMember = { readonly status: 'none' };
export type Candidate = Person & { readonly status: 'candidate'; readonly nominatedOn: string };
/** Dự bị: the 12 months after the ceremony (PRB-1), and until recognised (PRB-2). */
export type Probationary = Membership & { readonly status: 'probationary' };
/** Chính thức: passed probation. */
export type Official = Membership & { readonly status: 'official'; readonly officialSince: string };
export type Left = Membership & {
  readonly status: 'left';
  readonly departure: Departure;
  readonly statusBeforeLeaving: 'probationary' | 'official';
};
export type ActiveMember = Probationary | Official;
export type Member = NoMember | Candidate | Probationary | Official | Left;

export const initialState: Member = { status: 'none' };

const emptyHistory = {
  previousMemberships: [],
  ratings: [],
  disciplines: [],
  badges: [],
  partyAgeGaps: [],
} as const;

const personOf = (state: Member, data: { memberId: string; cellId: string }): Person =>
  state.status === 'none'
    ? { memberId: data.memberId, fullName: '', birthDate: '', cellId: data.cellId, profile: {} }
    : { ...state, cellId: data.cellId };

const admitted = (state: Member, event: MemberAdmitted | MemberReadmitted): Member => {
  const { decisionDate, ceremonyDate } = event.data;
  const { memberId, fullName, birthDate, cellId, profile } = personOf(state, event.data);
  const admission = { decisionDate, ceremonyDate, fromRecords: false };
  return {
    ...historyOf(state),
    memberId,
    fullName,
    birthDate,
    cellId,
    profile,
    status: 'probationary',
    admission,
  };
};

/** A readmitted member starts afresh (full probation, no card), keeping the history that outlives a membership. */
const historyOf = (state: Member) => {
  if (state.status === 'none' || state.status === 'candidate') return emptyHistory;
  const { previousMemberships, ratings, disciplines, badges, partyAgeGaps } = state;
  if (state.status !== 'left') return { previousMemberships, ratings, disciplines, badges, partyAgeGaps };
  const officialSince = state.officialSince ? { officialSince: state.officialSince } : {};
  const past: PastMembership = { ...state.admission, ...officialSince, departure: state.departure };
  return { previousMemberships: [...previousMemberships, past], ratings, disciplines, badges, partyAgeGaps };
};

const leave = (state: Member, departure: Departure): Member => {
  if (state.status !== 'probationary' && state.status !== 'official') return state;
  return { ...state, status: 'left', departure, statusBeforeLeaving: state.status };
};

const restore = (state: Left): Member => {
  const { departure: _departure, statusBeforeLeaving, ...rest } = state;
  return statusBeforeLeaving === 'official' && rest.officialSince
    ? { ...rest, status: 'official', officialSince: rest.officialSince }
    : { ...rest, status: 'probationary' };
};

/**
 * Fold one event. Never throws: the event already happened. An event that needs a membership arriving
 * on a state without one cannot be applied to anything and leaves the state as it was.
 */
export const evolve = (state: Member, event: MemberEvent): Member => {
  switch (event.type) {
    case 'CandidateNominated': {
      const { memberId, fullName, birthDate, cellId } = event.data;
      return {
        status: 'candidate',
        memberId,
        fullName,
        birthDate,
        cellId,
        profile: {},
        nominatedOn: event.effectiveDate,
      };
    }
    case 'MemberRegisteredFromRecords': {
      const { memberId, fullName, birthDate, cellId, admittedOn, officialOn } = event.data;
      const person = { memberId, fullName, birthDate, cellId, profile: {}, ...emptyHistory };
      const admission = { decisionDate: admittedOn, ceremonyDate: admittedOn, fromRecords: true };
      return officialOn
        ? { ...person, admission, status: 'official', officialSince: officialOn }
        : { ...person, admission, status: 'probationary' };
    }
    case 'MemberAdmitted':
    case 'MemberReadmitted':
      return admitted(state, event);
    case 'ProfileUpdated': {
      if (state.status === 'none') return state;
      const { education, politicalTheory, position } = event.data;
      const profile = {
        ...state.profile,
        ...(education !== undefined ? { education } : {}),
        ...(politicalTheory !== undefined ? { politicalTheory } : {}),
        ...(position !== undefined ? { position: position ?? undefined } : {}),
      };
      return { ...state, profile };
    }
    case 'MemberReassigned': {
      if (state.status === 'none') return state;
      if (state.status === 'candidate') return { ...state, cellId: event.data.toCellId };
      const { fromCellId, toCellId } = event.data;
      const transfer =
        state.transfer?.fromCellId === fromCellId
          ? { ...state.transfer, fromCellId: toCellId }
          : state.transfer;
      return { ...state, cellId: toCellId, transfer };
    }
    default:
      return state.status === 'none' || state.status === 'candidate' ? state : evolveMembership(state, event);
  }
};

type MembershipEvent = Exclude<
  MemberEvent,
  | { type: 'CandidateNominated' | 'MemberRegisteredFromRecords' | 'MemberAdmitted' | 'MemberReadmitted' }
  | { type: 'ProfileUpdated' | 'MemberReassigned' }
>;

const evolveMembership = (state: ActiveMember | Left, event: MembershipEvent): Member => {
  const on = event.effectiveDate;
  switch (event.type) {
    case 'MembershipMadeOfficial':
      return state.status === 'probationary' ? { ...state, status: 'official', officialSince: on } : state;
    case 'MemberTransferStarted': {
      const { transferId, kind, fromCellId, toCellId } = event.data;
      return { ...state, transfer: { transferId, kind, fromCellId, toCellId, startedOn: on } };
    }
    case 'MemberTransferCompleted': {
      const gaps = event.data.partyAgeGap
        ? [...state.partyAgeGaps, event.data.partyAgeGap]
        : state.partyAgeGaps;
      if (event.data.kind === 'official')
        return { ...state, cellId: event.data.toCellId, transfer: undefined, partyAgeGaps: gaps };
      const transfer = state.transfer && { ...state.transfer, toCellId: event.data.toCellId, arrivedOn: on };
      return { ...state, transfer, partyAgeGaps: gaps };
    }
    case 'MemberReturnedFromTemporaryTransfer':
      return { ...state, transfer: undefined };
    case 'MemberExempted': {
      const { reason, until } = event.data;
      return { ...state, exemption: { reason, since: on, ...(until ? { until } : {}) } };
    }
    case 'ExemptionEnded':
      return { ...state, exemption: undefined };
    case 'MemberAssessed':
      // Number(): a correction may have stored the year as text; a year-keyed object took both alike.
      return { ...state, ratings: withRating(state.ratings, Number(event.data.year), event.data.rating) };
    case 'MemberDisciplined': {
      const { caseId, form } = event.data;
      const disciplines = [...state.disciplines, { caseId, form, decidedOn: on, inForceFrom: on }];
      // Cách chức removes the member from the post the discipline was about.
      const profile = form === 'dismissal' ? { ...state.profile, position: undefined } : state.profile;
      return { ...state, disciplines, profile };
    }
    case 'DisciplineAmended': {
      const { caseId, form } = event.data;
      const disciplines = state.disciplines.map((d) =>
        d.caseId === caseId ? { ...d, form, inForceFrom: on } : d,
      );
      const amended = { ...state, disciplines };
      // DIS-15, AGE-4: an expulsion annulled or reduced restores the membership, party age unbroken.
      const wronglyExpelled =
        amended.status === 'left' &&
        amended.departure.how === 'expelled' &&
        amended.departure.caseId === caseId;
      return wronglyExpelled && form !== 'expulsion' ? restore(amended) : amended;
    }
    case 'MemberNameRemoved':
      return leave(state, { how: 'removed', on, reason: event.data.reason });
    case 'MemberExited':
      return leave(state, { how: 'exited', on });
    case 'MemberExpelled':
      return leave(state, { how: 'expelled', on, caseId: event.data.caseId });
    case 'MemberDied':
      return leave(state, { how: 'died', on });
    case 'PartyCardIssued':
      return { ...state, card: { number: event.data.cardNumber, issuedOn: on } };
    case 'BadgeAwarded':
      return { ...state, badges: [...state.badges, event.data.years] };
    default:
      return assertNever(event);
  }
};
