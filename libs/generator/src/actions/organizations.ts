import {
  MeetingKind,
  OrganizationKind,
  OrganizationRating,
  assessOrganization,
  dissolveOrganization,
  establishOrganization,
  mergeOrganization,
  moveOrganization,
  recordMeeting,
  renameOrganization,
} from '@ledger/domain';
import { OrganizationRecord, Part, World } from '../world';

/** Organization decisions, each given the context a command handler would look up (here, in memory). */

const on = (record: OrganizationRecord, events: Part['events']): Part[] => [{ record, events }];

export function establish(
  world: World,
  kind: OrganizationKind,
  name: string,
  parentId: string | null,
  effectiveDate: string,
  decisionRef?: string,
): OrganizationRecord | undefined {
  const record = world.newOrganization(kind);
  const done = world.decide(
    'establishOrganization',
    () =>
      on(
        record,
        establishOrganization(
          { organizationId: record.id, name, kind, parentId, effectiveDate, decisionRef },
          record.state,
          { parent: parentId === null ? null : world.organization(parentId).state },
        ),
      ),
    decisionRef,
  );
  if (done) return record;
  world.organizations.delete(record.id);
  return undefined;
}

export function move(
  world: World,
  id: string,
  newParentId: string,
  effectiveDate: string,
  decisionRef: string,
) {
  const record = world.organization(id);
  return world.decide(
    'moveOrganization',
    () =>
      on(
        record,
        moveOrganization({ organizationId: id, newParentId, effectiveDate, decisionRef }, record.state, {
          newParent: world.organization(newParentId).state,
          newParentAncestorIds: world.ancestorsOf(newParentId),
        }),
      ),
    decisionRef,
  );
}

export function rename(world: World, id: string, name: string, effectiveDate: string, decisionRef: string) {
  const record = world.organization(id);
  return world.decide(
    'renameOrganization',
    () =>
      on(record, renameOrganization({ organizationId: id, name, effectiveDate, decisionRef }, record.state)),
    decisionRef,
  );
}

/**
 * A merger of organizations with sub-organizations (communes, provinces): it ends and its children move
 * under the target in the same decision. (Cells are not merged here, so no member is reassigned.)
 */
export function merge(world: World, id: string, intoId: string, effectiveDate: string, decisionRef: string) {
  const record = world.organization(id);
  return world.decide(
    'mergeOrganization',
    () =>
      mergeOrganization({ organizationId: id, intoId, effectiveDate, decisionRef }, record.state, {
        into: world.organization(intoId).state,
        childIds: world.childrenOf(id),
      }).map(({ streamId, event }) => ({
        record: world.organization(streamId.slice('organization-'.length)),
        events: [event],
      })),
    decisionRef,
  );
}

export function dissolve(world: World, id: string, effectiveDate: string, decisionRef: string) {
  const record = world.organization(id);
  return world.decide(
    'dissolveOrganization',
    () =>
      on(
        record,
        dissolveOrganization({ organizationId: id, effectiveDate, decisionRef }, record.state, {
          activeMemberCount: world.registeredIn(id).size,
          activeChildCount: world.childrenOf(id).length,
        }),
      ),
    decisionRef,
  );
}

export function assess(
  world: World,
  id: string,
  year: number,
  rating: OrganizationRating,
  effectiveDate: string,
) {
  const record = world.organization(id);
  return world.decide('assessOrganization', () =>
    on(record, assessOrganization({ organizationId: id, year, rating, effectiveDate }, record.state)),
  );
}

export function meeting(
  world: World,
  id: string,
  meetingKind: MeetingKind,
  heldOn: string,
  expected: number,
  present: number,
) {
  const record = world.organization(id);
  return world.decide('recordMeeting', () =>
    on(
      record,
      recordMeeting({ organizationId: id, meetingKind, heldOn, expected, present }, record.state, {
        today: world.today,
      }),
    ),
  );
}
