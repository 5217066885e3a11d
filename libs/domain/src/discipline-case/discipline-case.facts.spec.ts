import {
  anOfficialMember,
  aProbationaryMember,
  aCandidate,
  died,
  holdsPosition,
  spec as memberSpec,
} from '../member/member.fixtures';
import { anActive, dissolved, established, folded } from '../organization/organization.fixtures';
import { memberFactsOn, organizationFactsOn } from './discipline-case.facts';

// The member fixtures: ceremony on 2023-03-15, official from 2024-03-15, in cell-1.
describe('memberFactsOn', () => {
  it('reads a probationer on a date within probation, official after it', () => {
    const { state } = memberSpec.given(...anOfficialMember(), holdsPosition());
    expect(memberFactsOn(state, 'm-1', '2023-06-01')).toEqual({
      kind: 'member',
      memberId: 'm-1',
      standing: 'probationary',
      holdsPosition: true,
      cellId: 'cell-1',
    });
    expect(memberFactsOn(state, 'm-1', '2025-01-01').standing).toBe('official');
  });
  it('reads a candidate, a probationer, the dead and nobody', () => {
    expect(memberFactsOn(memberSpec.given(...aCandidate()).state, 'm-1', '2025-01-01').standing).toBe(
      'candidate',
    );
    expect(
      memberFactsOn(memberSpec.given(...aProbationaryMember()).state, 'm-1', '2025-01-01').standing,
    ).toBe('probationary');
    const dead = memberSpec.given(...anOfficialMember(), died('2025-02-01')).state;
    expect(memberFactsOn(dead, 'm-1', '2025-03-01').standing).toBe('died');
    expect(memberFactsOn(dead, 'm-1', '2025-01-01').standing).toBe('official');
    expect(memberFactsOn(memberSpec.given().state, 'm-9', '2025-01-01').standing).toBe('none');
  });
});

describe('organizationFactsOn', () => {
  it('reads an organization active, dissolved since, or not yet established on the date', () => {
    expect(
      organizationFactsOn(anActive('cell-9', 'cell', 'base-1'), 'cell-9', '2025-01-01', ['base-1']),
    ).toEqual({
      kind: 'organization',
      organizationId: 'cell-9',
      status: 'active',
      superiorIds: ['base-1'],
    });
    const ended = folded(established('cell-9', 'cell', 'base-1'), dissolved('cell-9', '2024-06-01'));
    expect(organizationFactsOn(ended, 'cell-9', '2025-01-01', []).status).toBe('dissolved');
    expect(organizationFactsOn(ended, 'cell-9', '2024-01-01', []).status).toBe('active');
    expect(organizationFactsOn(ended, 'cell-9', '2009-01-01', []).status).toBe('none');
  });
});
