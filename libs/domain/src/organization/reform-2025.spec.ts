import { StreamEvent } from '../shared/domain-event';
import { RuleViolation } from '../shared/rule-violation';
import { organizationStream } from '../shared/streams';
import { dissolveOrganization } from './dissolve-organization';
import { establishOrganization } from './establish-organization';
import { mergeOrganization } from './merge-organization';
import { moveOrganization } from './move-organization';
import { OrganizationEvent, OrganizationKind } from './organization.events';
import { ExistingOrganization, Organization, evolve, initialState, isActiveOn } from './organization.state';
import { renameOrganization } from './rename-organization';

/**
 * The 2025 reform (ORG-6, ORG-7) as a sequence of ordinary decisions, each given the context a handler
 * would look up in this small in-memory ledger: no command exists for the reform itself.
 */
const ledger = new Map<string, OrganizationEvent[]>();
const append = (streamEvents: StreamEvent<OrganizationEvent>[]) =>
  streamEvents.forEach(({ streamId, event }) =>
    ledger.set(streamId, [...(ledger.get(streamId) ?? []), event]),
  );
const on = (id: string) => (events: OrganizationEvent[]) =>
  append(events.map((event) => ({ streamId: organizationStream(id), event })));
const stateOf = (id: string): Organization =>
  (ledger.get(organizationStream(id)) ?? []).reduce(evolve, initialState);
const ancestorsOf = (id: string): string[] => {
  const state = stateOf(id);
  return state.status === 'none' || state.parentId === null
    ? []
    : [state.parentId, ...ancestorsOf(state.parentId)];
};
/** The tree as it stood on `date`: each stream folded up to that effective date. */
const childrenOf = (id: string, date: string): string[] =>
  [...ledger.entries()]
    .map(([, events]) => events.filter((event) => event.effectiveDate <= date).reduce(evolve, initialState))
    .filter((state): state is ExistingOrganization => state.status !== 'none' && state.parentId === id)
    .filter((state) => isActiveOn(state, date))
    .map((state) => state.id)
    .sort();
const refusal = (decide: () => unknown): string | undefined => {
  try {
    decide();
  } catch (error) {
    return error instanceof RuleViolation ? error.ruleId : undefined;
  }
  return undefined;
};

const establish = (
  id: string,
  kind: OrganizationKind,
  parentId: string | null,
  name: string,
  date = '2010-01-01',
) =>
  on(id)(
    establishOrganization({ organizationId: id, name, kind, parentId, effectiveDate: date }, stateOf(id), {
      parent: parentId === null ? null : stateOf(parentId),
    }),
  );
const move = (id: string, newParentId: string, date: string) =>
  moveOrganization(
    { organizationId: id, newParentId, effectiveDate: date, decisionRef: '1/QĐ-TU' },
    stateOf(id),
    {
      newParent: stateOf(newParentId),
      newParentAncestorIds: ancestorsOf(newParentId),
    },
  );
const merge = (id: string, intoId: string, date: string) =>
  mergeOrganization(
    { organizationId: id, intoId, effectiveDate: date, decisionRef: '2/QĐ-TU' },
    stateOf(id),
    {
      into: stateOf(intoId),
      childIds: childrenOf(id, date),
    },
  );
const dissolve = (id: string, date: string) =>
  dissolveOrganization({ organizationId: id, effectiveDate: date, decisionRef: '3/QĐ-TU' }, stateOf(id), {
    activeMemberCount: 0, // a district committee registers no members itself
    activeChildCount: childrenOf(id, date).length,
  });

describe('a district committee with four communes, on the eve of the 2025 reform', () => {
  beforeAll(() => {
    establish('p', 'provincial_committee', null, 'Đảng bộ tỉnh Phú Thọ');
    establish('d', 'district_committee', 'p', 'Đảng bộ huyện Thanh Ba');
    establish('x', 'base_committee', 'd', 'Đảng bộ xã Thanh Xá');
    establish('y', 'base_committee', 'd', 'Đảng bộ xã Đỗ Sơn');
    establish('z', 'base_committee', 'd', 'Đảng bộ xã Đỗ Xuyên');
    establish('w', 'base_committee', 'd', 'Đảng bộ xã Quảng Nạp');
    establish('s', 'base_cell', 'd', 'Chi bộ Trường THPT Thanh Ba');
    establish('x1', 'cell', 'x', 'Chi bộ khu 1');
    establish('y1', 'cell', 'y', 'Chi bộ khu 2');
    establish('z1', 'cell', 'z', 'Chi bộ khu 3');
    establish('z2', 'cell', 'z', 'Chi bộ khu 4');
  });

  it('becomes communes directly under the province, the district ending the same day (ORG-6, ORG-7)', () => {
    const reform = '2025-07-01';
    expect(refusal(() => dissolve('d', reform))).toBe('ORG-DISSOLVE-NONEMPTY');

    // Thanh Xá carries the new commune: moved under the province and renamed.
    on('x')(move('x', 'p', reform));
    on('x')(
      renameOrganization(
        { organizationId: 'x', name: 'Đảng bộ xã Thanh Ba', effectiveDate: reform },
        stateOf('x'),
      ),
    );
    on('w')(move('w', 'p', reform));
    on('s')(move('s', 'p', reform));

    // A village cell goes to a neighbouring commune before its own commune is merged.
    on('z1')(move('z1', 'w', reform));

    // The other communes merge into the new one; their cells follow in the same decision.
    append(merge('y', 'x', reform));
    append(merge('z', 'x', reform));

    expect(refusal(() => establish('b', 'base_committee', 'd', 'Đảng bộ xã mới', reform))).toBe('ORG-6');
    expect(refusal(() => move('x', 'd', reform))).toBe('ORG-6');
    on('d')(dissolve('d', reform));

    expect(childrenOf('p', reform)).toEqual(['s', 'w', 'x']);
    expect(childrenOf('x', reform)).toEqual(['x1', 'y1', 'z2']);
    expect(childrenOf('w', reform)).toEqual(['z1']);
    expect(stateOf('d')).toMatchObject({ status: 'dissolved', endedOn: reform });
    expect(stateOf('y')).toMatchObject({ status: 'merged', mergedInto: 'x', endedOn: reform });
    expect(ledger.get(organizationStream('z2'))?.at(-1)).toEqual({
      type: 'OrganizationMoved',
      data: {
        organizationId: 'z2',
        fromParentId: 'z',
        toParentId: 'x',
        decisionRef: '2/QĐ-TU',
        causedByMergerOf: 'z',
      },
      effectiveDate: reform,
    });
    // The tree of the day before is still there to be read.
    expect(childrenOf('d', '2025-06-30')).toEqual(['s', 'w', 'x', 'y', 'z']);
    expect(childrenOf('z', '2025-06-30')).toEqual(['z1', 'z2']);
    expect(refusal(() => establish('d2', 'district_committee', 'p', 'Đảng bộ huyện mới', '2025-08-01'))).toBe(
      'ORG-6',
    );
  });
});
