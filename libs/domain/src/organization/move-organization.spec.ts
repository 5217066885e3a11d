import { EntityNotFound } from '../shared/rule-violation';
import { decider } from '../testing/given-when-then';
import { MoveOrganization, MoveOrganizationContext, moveOrganization } from './move-organization';
import { anActive, dissolved, established, folded } from './organization.fixtures';
import { Organization, evolve, initialState } from './organization.state';

const spec = decider(evolve, initialState);
const commune = established('x', 'base_committee', 'd');
const move = (newParentId: string, effectiveDate = '2025-07-01'): MoveOrganization => ({
  organizationId: 'x',
  newParentId,
  effectiveDate,
  decisionRef: '100-QĐ/TU',
});
const under =
  (cmd: MoveOrganization, newParent: Organization, newParentAncestorIds: string[] = []) =>
  (state: Organization) =>
    moveOrganization(cmd, state, { newParent, newParentAncestorIds } satisfies MoveOrganizationContext);

describe('a commune base committee under a district committee', () => {
  it('moves under the province, out of the district, after 2025-07-01 (ORG-6)', () =>
    spec
      .given(commune)
      .when(under(move('p'), anActive('p', 'provincial_committee')))
      .then([
        {
          type: 'OrganizationMoved',
          data: { organizationId: 'x', fromParentId: 'd', toParentId: 'p', decisionRef: '100-QĐ/TU' },
          effectiveDate: '2025-07-01',
        },
      ]));

  it('moves under another district committee before 2025-07-01 (ORG-6)', () =>
    spec
      .given(commune)
      .when(under(move('d2', '2025-06-30'), anActive('d2', 'district_committee', 'p'), ['p']))
      .thenMatches([{ data: { toParentId: 'd2' } }]));

  it('is refused a move under another district committee from 2025-07-01 (ORG-6)', () =>
    spec
      .given(commune)
      .when(under(move('d2'), anActive('d2', 'district_committee', 'p'), ['p']))
      .thenRefuses('ORG-6'));

  it('is refused a move under a sub-committee (ORG-1)', () =>
    spec
      .given(commune)
      .when(under(move('s'), anActive('s', 'sub_committee', 'y'), ['y', 'p']))
      .thenRefuses('ORG-1'));

  it('is refused a move under the parent it already has (ORG-UNCHANGED)', () =>
    spec
      .given(commune)
      .when(under(move('d', '2025-06-01'), anActive('d', 'district_committee', 'p'), ['p']))
      .thenRefuses('ORG-UNCHANGED'));

  it('is refused a move under a parent dissolved by then (ORG-PARENT-STATE)', () => {
    const gone = folded(established('p2', 'provincial_committee'), dissolved('p2', '2025-01-01'));
    spec
      .given(commune)
      .when(under(move('p2'), gone))
      .thenRefuses('ORG-PARENT-STATE');
  });

  it('is refused a move under a parent that does not exist (ORG-PARENT-STATE)', () =>
    spec
      .given(commune)
      .when(under(move('p2'), initialState))
      .thenRefuses('ORG-PARENT-STATE'));

  it('is refused a move under itself (ORG-CYCLE)', () =>
    spec
      .given(commune)
      .when(under(move('x'), folded(commune)))
      .thenRefuses('ORG-CYCLE'));

  it('is refused a move under one of its own descendants (ORG-CYCLE)', () =>
    spec
      .given(commune)
      .when(under(move('p'), anActive('p', 'provincial_committee'), ['x']))
      .thenRefuses('ORG-CYCLE'));

  it('is refused a move once it has been dissolved (ORG-STATE)', () =>
    spec
      .given(commune, dissolved('x', '2025-03-01'))
      .when(under(move('p'), anActive('p', 'provincial_committee')))
      .thenRefuses('ORG-STATE'));
});

describe('a provincial committee', () => {
  it('is refused a move under anything, being a root (ORG-1)', () =>
    spec
      .given(established('p2', 'provincial_committee'))
      .when((state) =>
        moveOrganization({ ...move('p'), organizationId: 'p2' }, state, {
          newParent: anActive('p', 'provincial_committee'),
          newParentAncestorIds: [],
        }),
      )
      .thenRefuses('ORG-1'));
});

describe('an organization that does not exist', () => {
  it('is not found', () =>
    expect(() =>
      moveOrganization(move('p'), initialState, {
        newParent: anActive('p', 'provincial_committee'),
        newParentAncestorIds: [],
      }),
    ).toThrow(EntityNotFound));
});
