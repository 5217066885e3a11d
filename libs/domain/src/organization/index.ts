/**
 * The organization stream. `evolve`, `initialState` and `isActiveOn` leave under names of their own so
 * that the domain's barrel can re-export every stream's folder side by side.
 */
export * from './organization.events';
export type {
  ActiveOrganization,
  DissolvedOrganization,
  ExistingOrganization,
  MergedOrganization,
  NoOrganization,
  Organization,
  OrganizationRecord,
} from './organization.state';
export {
  evolve as evolveOrganization,
  initialState as initialOrganizationState,
  isActiveOn as isOrganizationActiveOn,
  isMemberRegistrable,
  stateNeutralTypes as organizationStateNeutralTypes,
} from './organization.state';
export {
  DISTRICT_LEVEL_ABOLISHED_ON,
  PARENT_KINDS,
  checkPlacement,
  childKindsOf,
} from './organization.rules';
export * from './establish-organization';
export * from './rename-organization';
export * from './move-organization';
export * from './merge-organization';
export * from './dissolve-organization';
export * from './assess-organization';
export * from './record-meeting';
export * from './set-admission-target';
export * from './appoint-committee-member';
