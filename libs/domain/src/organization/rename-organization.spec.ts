import { EntityNotFound } from '../shared/rule-violation';
import { decider } from '../testing/given-when-then';
import { dissolved, established } from './organization.fixtures';
import { evolve, initialState } from './organization.state';
import { RenameOrganization, renameOrganization } from './rename-organization';

const spec = decider(evolve, initialState);
const cell = established('c', 'cell', 'b', '2010-01-01', 'Chi bộ Thôn 1');
const rename = (name: string, effectiveDate = '2024-03-01'): RenameOrganization => ({
  organizationId: 'c',
  name,
  effectiveDate,
  decisionRef: '7-QĐ/ĐU',
});

describe('an active cell', () => {
  it('is renamed, keeping its previous name in the event', () =>
    spec
      .given(cell)
      .when((state) => renameOrganization(rename('Chi bộ Thôn Đồng Tâm'), state))
      .then([
        {
          type: 'OrganizationRenamed',
          data: {
            organizationId: 'c',
            name: 'Chi bộ Thôn Đồng Tâm',
            previousName: 'Chi bộ Thôn 1',
            decisionRef: '7-QĐ/ĐU',
          },
          effectiveDate: '2024-03-01',
        },
      ]));

  it('is refused a rename to the name it already bears (ORG-UNCHANGED)', () =>
    spec
      .given(cell)
      .when((state) => renameOrganization(rename(' Chi bộ Thôn 1 '), state))
      .thenRefuses('ORG-UNCHANGED'));

  it('is refused a rename dated before it was established (ORG-STATE)', () =>
    spec
      .given(cell)
      .when((state) => renameOrganization(rename('Chi bộ mới', '2009-12-31'), state))
      .thenRefuses('ORG-STATE'));
});

describe('a dissolved cell', () => {
  it('is refused a rename after its dissolution (ORG-STATE)', () =>
    spec
      .given(cell, dissolved('c', '2023-01-01'))
      .when((state) => renameOrganization(rename('Chi bộ mới'), state))
      .thenRefuses('ORG-STATE'));

  it('is renamed by a backdated decision that took effect while it was active (ORG-STATE)', () =>
    spec
      .given(cell, dissolved('c', '2025-01-01'))
      .when((state) => renameOrganization(rename('Chi bộ mới'), state))
      .thenMatches([{ type: 'OrganizationRenamed' }]));
});

describe('an organization that does not exist', () => {
  it('is not found', () =>
    expect(() => renameOrganization(rename('Chi bộ mới'), initialState)).toThrow(EntityNotFound));
});
