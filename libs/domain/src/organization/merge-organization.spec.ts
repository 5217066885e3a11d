import { EntityNotFound } from '../shared/rule-violation';
import { decider } from '../testing/given-when-then';
import { MergeOrganization, mergeOrganization } from './merge-organization';
import { OrganizationKind } from './organization.events';
import { anActive, dissolved, established, folded } from './organization.fixtures';
import { Organization, evolve, initialState } from './organization.state';

const spec = decider(evolve, initialState);
const communeX = established('x', 'base_committee', 'p', '2010-01-01', 'Đảng bộ xã Thanh Xá');
const merge = (intoId: string, effectiveDate = '2025-07-01'): MergeOrganization => ({
  organizationId: 'x',
  intoId,
  effectiveDate,
  decisionRef: '1234-QĐ/TU',
});
const into =
  (cmd: MergeOrganization, target: Organization, childIds: string[] = []) =>
  (state: Organization) =>
    mergeOrganization(cmd, state, { into: target, childIds });

describe('an active commune base committee with two cells', () => {
  it('merges into another base committee, its cells moving under it in the same decision', () =>
    spec
      .given(communeX)
      .when(into(merge('y'), anActive('y', 'base_committee', 'p'), ['c1', 'c2']))
      .then([
        {
          streamId: 'organization-x',
          event: {
            type: 'OrganizationMerged',
            data: { organizationId: 'x', intoId: 'y', decisionRef: '1234-QĐ/TU' },
            effectiveDate: '2025-07-01',
          },
        },
        ...['c1', 'c2'].map((id) => ({
          streamId: `organization-${id}`,
          event: {
            type: 'OrganizationMoved' as const,
            data: {
              organizationId: id,
              fromParentId: 'x',
              toParentId: 'y',
              decisionRef: '1234-QĐ/TU',
              causedByMergerOf: 'x',
            },
            effectiveDate: '2025-07-01',
          },
        })),
      ]));

  it('is refused a merger into a cell, which cannot hold its cells (ORG-1)', () =>
    spec
      .given(communeX)
      .when(into(merge('c'), anActive('c', 'cell', 'y')))
      .thenRefuses('ORG-1'));

  it('is refused a merger into itself (ORG-MERGE-SELF)', () =>
    spec
      .given(communeX)
      .when(into(merge('x'), folded(communeX)))
      .thenRefuses('ORG-MERGE-SELF'));

  it('is refused a merger into an organization dissolved by then (ORG-MERGE-TARGET)', () => {
    const gone = folded(established('y', 'base_committee', 'p'), dissolved('y', '2025-06-30'));
    spec
      .given(communeX)
      .when(into(merge('y'), gone))
      .thenRefuses('ORG-MERGE-TARGET');
  });

  it('is refused a merger into an organization that does not exist (ORG-MERGE-TARGET)', () =>
    spec
      .given(communeX)
      .when(into(merge('y'), initialState))
      .thenRefuses('ORG-MERGE-TARGET'));

  it('is refused a merger once it has itself been merged (ORG-STATE)', () =>
    spec
      .given(communeX, {
        type: 'OrganizationMerged',
        data: { organizationId: 'x', intoId: 'z' },
        effectiveDate: '2025-07-01',
      })
      .when(into(merge('y', '2025-08-01'), anActive('y', 'base_committee', 'p')))
      .thenRefuses('ORG-STATE'));
});

describe('an active district committee', () => {
  const district = established('x', 'district_committee', 'p');

  it('merges into another district committee before 2025-07-01 (ORG-6)', () =>
    spec
      .given(district)
      .when(into(merge('d2', '2025-06-30'), anActive('d2', 'district_committee', 'p'), ['b1']))
      .thenMatches([{ event: { type: 'OrganizationMerged' } }, { event: { data: { toParentId: 'd2' } } }]));

  it('is refused a merger into another district committee from 2025-07-01 (ORG-6)', () =>
    spec
      .given(district)
      .when(into(merge('d2'), anActive('d2', 'district_committee', 'p'), ['b1']))
      .thenRefuses('ORG-6'));

  it('merges into its provincial committee, its communes now directly under the province (ORG-1)', () =>
    spec
      .given(district)
      .when(into(merge('p'), anActive('p', 'provincial_committee'), ['b1']))
      .thenMatches([{ event: { data: { intoId: 'p' } } }, { event: { data: { toParentId: 'p' } } }]));
});

const compatible: [OrganizationKind, OrganizationKind][] = [
  ['cell', 'cell'],
  ['cell', 'base_cell'],
  ['base_cell', 'cell'],
  ['sub_committee', 'sub_committee'],
  ['sub_committee', 'base_committee'],
  ['base_committee', 'base_committee'],
  ['provincial_committee', 'provincial_committee'],
];
const incompatible: [OrganizationKind, OrganizationKind][] = [
  ['cell', 'sub_committee'],
  ['base_cell', 'base_committee'],
  ['base_committee', 'sub_committee'],
  ['base_committee', 'provincial_committee'],
  ['provincial_committee', 'district_committee'],
];

describe.each(compatible)('an active %s', (kind, targetKind) => {
  it(`merges into a ${targetKind} (ORG-1)`, () =>
    spec
      .given(established('x', kind, 'q'))
      .when(into(merge('y'), anActive('y', targetKind, 'q')))
      .thenMatches([{ event: { type: 'OrganizationMerged' } }]));
});

describe.each(incompatible)('an active %s', (kind, targetKind) => {
  it(`is refused a merger into a ${targetKind} (ORG-1)`, () =>
    spec
      .given(established('x', kind, 'q'))
      .when(into(merge('y'), anActive('y', targetKind, 'q')))
      .thenRefuses('ORG-1'));
});

describe('an organization that does not exist', () => {
  it('is not found', () =>
    expect(() =>
      mergeOrganization(merge('y'), initialState, { into: anActive('y', 'cell'), childIds: [] }),
    ).toThrow(EntityNotFound));
});
