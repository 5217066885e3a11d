/*
 * The member stream's domain. `evolve` and `initialState` leave under member-specific names because
 * the organization folder exports the same names and the domain barrel re-exports both folders.
 */
export * from './member.events';
export * from './regulation';
export { evolve as evolveMember, initialState as initialMemberState } from './member.state';
export type {
  ActiveMember,
  Admission,
  Candidate,
  Departure,
  DisciplineRecord,
  Exemption,
  Left,
  Member,
  Membership,
  NoMember,
  Official,
  PastMembership,
  Person,
  Probationary,
  Profile,
  Transfer,
} from './member.state';
export * from './member.rules';
export * from './admission.rules';
export * from './party-age';
export * from './nominate-candidate';
export * from './register-existing-member';
export * from './admit-member';
export * from './make-membership-official';
export * from './fail-probation';
export * from './start-transfer';
export * from './complete-transfer';
export * from './return-from-temporary-transfer';
export * from './exempt-member';
export * from './end-exemption';
export * from './assess-member';
export * from './remove-name';
export * from './exit-voluntarily';
export * from './record-death';
export * from './readmit-member';
export * from './issue-party-card';
export * from './award-badge';
export * from './update-profile';
export * from './reassign-member-by-merger';
export * from './apply-discipline';
export * from './amend-discipline';
export * from './worklist';
