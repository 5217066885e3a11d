import { decider } from '../testing/given-when-then';
import { EstablishOrganization, establishOrganization } from './establish-organization';
import { OrganizationKind } from './organization.events';
import { anActive, dissolved, established, folded } from './organization.fixtures';
import { Organization, evolve, initialState } from './organization.state';

const spec = decider(evolve, initialState);
const province = anActive('p', 'provincial_committee');
const district = anActive('d', 'district_committee', 'p');
const base = anActive('b', 'base_committee', 'd');

const command = (
  kind: OrganizationKind,
  parentId: string | null,
  effectiveDate = '2024-05-01',
): EstablishOrganization => ({ organizationId: 'new', name: 'Chi bộ 1', kind, parentId, effectiveDate });

const establish = (cmd: EstablishOrganization, parent: Organization | null) => (state: Organization) =>
  establishOrganization(cmd, state, { parent });

describe('an organization that does not exist yet', () => {
  it('is established under a parent of an allowed kind, with its decision number (ORG-1)', () =>
    spec
      .given()
      .when(establish({ ...command('cell', 'b'), decisionRef: '12-QĐ/ĐU' }, base))
      .then([
        {
          type: 'OrganizationEstablished',
          data: {
            organizationId: 'new',
            name: 'Chi bộ 1',
            kind: 'cell',
            parentId: 'b',
            decisionRef: '12-QĐ/ĐU',
          },
          effectiveDate: '2024-05-01',
        },
      ]));

  it('is established as a root when it is a provincial committee (ORG-1)', () =>
    spec
      .given()
      .when(establish(command('provincial_committee', null), null))
      .thenMatches([{ data: { parentId: null } }]));

  const allowed: [OrganizationKind, OrganizationKind][] = [
    ['district_committee', 'provincial_committee'],
    ['base_committee', 'district_committee'],
    ['base_committee', 'provincial_committee'],
    ['base_cell', 'district_committee'],
    ['base_cell', 'provincial_committee'],
    ['sub_committee', 'base_committee'],
    ['cell', 'base_committee'],
    ['cell', 'sub_committee'],
  ];
  it.each(allowed)('is established as a %s under a %s (ORG-1)', (kind, parentKind) =>
    spec
      .given()
      .when(establish(command(kind, 'x'), anActive('x', parentKind)))
      .thenMatches([{ data: { kind } }]),
  );

  const refused: [OrganizationKind, OrganizationKind][] = [
    ['district_committee', 'district_committee'],
    ['provincial_committee', 'provincial_committee'],
    ['cell', 'district_committee'],
    ['cell', 'provincial_committee'],
    ['cell', 'cell'],
    ['sub_committee', 'district_committee'],
    ['base_committee', 'base_committee'],
    ['base_cell', 'sub_committee'],
  ];
  it.each(refused)('is refused as a %s under a %s (ORG-1)', (kind, parentKind) =>
    spec
      .given()
      .when(establish(command(kind, 'x'), anActive('x', parentKind)))
      .thenRefuses('ORG-1'),
  );

  it.each<OrganizationKind>(['district_committee', 'base_committee', 'cell'])(
    'is refused as a root %s (ORG-1)',
    (kind) =>
      spec
        .given()
        .when(establish(command(kind, null), null))
        .thenRefuses('ORG-1'),
  );

  it('is established under a district committee up to 2025-06-30 (ORG-6)', () =>
    spec
      .given()
      .when(establish(command('base_committee', 'd', '2025-06-30'), district))
      .thenMatches([{}]));

  it('is refused a place under a district committee from 2025-07-01 (ORG-6)', () =>
    spec
      .given()
      .when(establish(command('base_committee', 'd', '2025-07-01'), district))
      .thenRefuses('ORG-6'));

  it('is refused as a district committee from 2025-07-01, by effective date (ORG-6)', () =>
    spec
      .given()
      .when(establish(command('district_committee', 'p', '2025-07-01'), province))
      .thenRefuses('ORG-6'));

  it('is established backdated under the old rules when its effective date precedes the reform (ORG-6)', () =>
    spec
      .given()
      .when(establish(command('district_committee', 'p', '2025-06-15'), province))
      .thenMatches([{}]));

  it('is refused under a parent that does not exist (ORG-PARENT-STATE)', () =>
    spec
      .given()
      .when(establish(command('cell', 'b'), initialState))
      .thenRefuses('ORG-PARENT-STATE'));

  it('is refused under a parent dissolved by the effective date (ORG-PARENT-STATE)', () => {
    const gone = folded(established('b', 'base_committee', 'd'), dissolved('b', '2024-01-01'));
    spec
      .given()
      .when(establish(command('cell', 'b'), gone))
      .thenRefuses('ORG-PARENT-STATE');
  });

  it('is established under a parent dissolved only after the effective date (ORG-PARENT-STATE)', () => {
    const later = folded(established('b', 'base_committee', 'd'), dissolved('b', '2024-06-01'));
    spec
      .given()
      .when(establish(command('cell', 'b'), later))
      .thenMatches([{}]);
  });

  it('is refused under a parent established after the effective date (ORG-PARENT-STATE)', () => {
    const young = folded(established('b', 'base_committee', 'd', '2024-09-01'));
    spec
      .given()
      .when(establish(command('cell', 'b'), young))
      .thenRefuses('ORG-PARENT-STATE');
  });
});

describe('an organization that already exists', () => {
  it('is refused a second establishment (ORG-EXISTS)', () =>
    spec
      .given(established('new', 'cell', 'b'))
      .when(establish(command('cell', 'b'), base))
      .thenRefuses('ORG-EXISTS'));
});
