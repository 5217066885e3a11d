import { EntityNotFound } from '../shared/rule-violation';
import { decider } from '../testing/given-when-then';
import { AssessOrganization, assessOrganization } from './assess-organization';
import { OrganizationAssessed, OrganizationRating } from './organization.events';
import { established } from './organization.fixtures';
import { Organization, evolve, initialState } from './organization.state';

const spec = decider(evolve, initialState);
const cell = established('c', 'cell', 'b', '2015-03-01');
const assess = (
  year: number,
  rating: OrganizationRating = 'good',
  effectiveDate = '2024-12-20',
): AssessOrganization => ({
  organizationId: 'c',
  year,
  rating,
  effectiveDate,
});
const when = (cmd: AssessOrganization) => (state: Organization) => assessOrganization(cmd, state);
const assessed2024: OrganizationAssessed = {
  type: 'OrganizationAssessed',
  data: { organizationId: 'c', year: 2024, rating: 'good' },
  effectiveDate: '2024-12-20',
};

describe('an active cell not yet rated for 2024', () => {
  it.each<OrganizationRating>(['excellent', 'good', 'completed', 'not_completed'])(
    'is rated %s for 2024 (ASM-1)',
    (rating) =>
      spec
        .given(cell)
        .when(when(assess(2024, rating)))
        .then([{ ...assessed2024, data: { ...assessed2024.data, rating } }]),
  );

  it('is refused a rating outside the four of ASM-1 (ASM-1)', () =>
    spec
      .given(cell)
      .when(when(assess(2024, 'average' as OrganizationRating)))
      .thenRefuses('ASM-1'));

  it('is rated for 2024 early in 2025 (ASM-YEAR)', () =>
    spec
      .given(cell)
      .when(when(assess(2024, 'good', '2025-01-15')))
      .thenMatches([{ data: { year: 2024 } }]));

  it('is refused a rating for 2025 decided in 2024 (ASM-YEAR)', () =>
    spec
      .given(cell)
      .when(when(assess(2025)))
      .thenRefuses('ASM-YEAR'));
});

describe('an active cell already rated for 2024', () => {
  it('is refused a second rating for 2024 (ASM-ONCE-PER-YEAR)', () =>
    spec
      .given(cell, assessed2024)
      .when(when(assess(2024, 'excellent', '2025-01-10')))
      .thenRefuses('ASM-ONCE-PER-YEAR'));

  it('is rated for 2025 (ASM-ONCE-PER-YEAR)', () =>
    spec
      .given(cell, assessed2024)
      .when(when(assess(2025, 'excellent', '2025-12-15')))
      .thenMatches([{ data: { year: 2025 } }]));
});

describe('a cell established during the year', () => {
  it('is rated when at least 6 months old at the end of the year (ASM-4)', () =>
    spec
      .given(established('c', 'cell', 'b', '2024-06-30'))
      .when(when(assess(2024)))
      .thenMatches([{ data: { year: 2024 } }]));

  it('is refused a rating when less than 6 months old at the end of the year (ASM-4)', () =>
    spec
      .given(established('c', 'cell', 'b', '2024-07-01'))
      .when(when(assess(2024)))
      .thenRefuses('ASM-4'));
});

describe('a cell merged before the rating decision', () => {
  it('is refused a rating (ORG-STATE)', () =>
    spec
      .given(cell, {
        type: 'OrganizationMerged',
        data: { organizationId: 'c', intoId: 'c2' },
        effectiveDate: '2024-10-01',
      })
      .when(when(assess(2024)))
      .thenRefuses('ORG-STATE'));
});

describe('an organization that does not exist', () => {
  it('is not found', () =>
    expect(() => assessOrganization(assess(2024), initialState)).toThrow(EntityNotFound));
});
