import { EntityNotFound } from '../shared/rule-violation';
import { decider } from '../testing/given-when-then';
import {
  DissolveOrganization,
  DissolveOrganizationContext,
  dissolveOrganization,
} from './dissolve-organization';
import { dissolved, established } from './organization.fixtures';
import { Organization, evolve, initialState } from './organization.state';

const spec = decider(evolve, initialState);
const district = established('d', 'district_committee', 'p');
const dissolve: DissolveOrganization = {
  organizationId: 'd',
  effectiveDate: '2025-07-01',
  decisionRef: '1500-QĐ/TU',
};
const when = (context: DissolveOrganizationContext) => (state: Organization) =>
  dissolveOrganization(dissolve, state, context);

describe('an active district committee with no members and no sub-organizations left', () => {
  it('is dissolved (ORG-DISSOLVE-NONEMPTY)', () =>
    spec
      .given(district)
      .when(when({ activeMemberCount: 0, activeChildCount: 0 }))
      .then([
        {
          type: 'OrganizationDissolved',
          data: { organizationId: 'd', decisionRef: '1500-QĐ/TU' },
          effectiveDate: '2025-07-01',
        },
      ]));
});

describe('an active district committee that still has sub-organizations', () => {
  it('is refused dissolution (ORG-DISSOLVE-NONEMPTY)', () =>
    spec
      .given(district)
      .when(when({ activeMemberCount: 0, activeChildCount: 2 }))
      .thenRefuses('ORG-DISSOLVE-NONEMPTY'));
});

describe('an active cell that still has members', () => {
  it('is refused dissolution (ORG-DISSOLVE-NONEMPTY)', () =>
    spec
      .given(established('d', 'cell', 'b'))
      .when(when({ activeMemberCount: 3, activeChildCount: 0 }))
      .thenRefuses('ORG-DISSOLVE-NONEMPTY'));
});

describe('a dissolved district committee', () => {
  it('is refused a second dissolution (ORG-STATE)', () =>
    spec
      .given(district, dissolved('d', '2025-06-30'))
      .when(when({ activeMemberCount: 0, activeChildCount: 0 }))
      .thenRefuses('ORG-STATE'));
});

describe('an organization that does not exist', () => {
  it('is not found', () =>
    expect(() =>
      dissolveOrganization(dissolve, initialState, { activeMemberCount: 0, activeChildCount: 0 }),
    ).toThrow(EntityNotFound));
});
