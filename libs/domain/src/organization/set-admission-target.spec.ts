import { EntityNotFound } from '../shared/rule-violation';
import { decider } from '../testing/given-when-then';
import { AdmissionTargetSet } from './organization.events';
import { dissolved, established } from './organization.fixtures';
import { Organization, evolve, initialState } from './organization.state';
import { SetAdmissionTarget, setAdmissionTarget } from './set-admission-target';

const spec = decider(evolve, initialState);
const base = established('b', 'base_committee', 'p');
const set = (target: number, year = 2025): SetAdmissionTarget => ({
  organizationId: 'b',
  year,
  target,
  effectiveDate: '2025-01-10',
});
const when = (cmd: SetAdmissionTarget) => (state: Organization) => setAdmissionTarget(cmd, state);
const targetSet: AdmissionTargetSet = {
  type: 'AdmissionTargetSet',
  data: { organizationId: 'b', year: 2025, target: 12 },
  effectiveDate: '2025-01-10',
};

describe('an active base committee without a 2025 target', () => {
  it('sets its 2025 admission target (ADM-TARGET)', () =>
    spec
      .given(base)
      .when(when(set(12)))
      .then([targetSet]));

  it('sets a target of zero (ADM-TARGET)', () =>
    spec
      .given(base)
      .when(when(set(0)))
      .thenMatches([{ data: { target: 0 } }]));

  it('is refused a negative target (ADM-TARGET)', () =>
    spec
      .given(base)
      .when(when(set(-1)))
      .thenRefuses('ADM-TARGET'));

  it('is refused a fractional target (ADM-TARGET)', () =>
    spec
      .given(base)
      .when(when(set(1.5)))
      .thenRefuses('ADM-TARGET'));
});

describe('an active base committee with a 2025 target of 12', () => {
  it('revises the target (ORG-UNCHANGED)', () =>
    spec
      .given(base, targetSet)
      .when(when(set(15)))
      .thenMatches([{ data: { target: 15 } }]));

  it('is refused the same target again (ORG-UNCHANGED)', () =>
    spec
      .given(base, targetSet)
      .when(when(set(12)))
      .thenRefuses('ORG-UNCHANGED'));
});

describe('a dissolved base committee', () => {
  it('is refused a target (ORG-STATE)', () =>
    spec
      .given(base, dissolved('b', '2024-12-31'))
      .when(when(set(12)))
      .thenRefuses('ORG-STATE'));
});

describe('an organization that does not exist', () => {
  it('is not found', () => expect(() => setAdmissionTarget(set(12), initialState)).toThrow(EntityNotFound));
});
