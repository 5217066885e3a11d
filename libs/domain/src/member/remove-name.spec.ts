import { NameRemovalReason } from './member.events';
import { aCandidate, anOfficialMember, aProbationaryMember, died, spec, TODAY } from './member.fixtures';
import { Member } from './member.state';
import { RemoveName, removeName } from './remove-name';

const command: RemoveName = {
  memberId: 'm-1',
  reason: 'abandoned_activity',
  decisionRef: '30-QĐ/ĐU',
  effectiveDate: '2025-05-01',
};
const remove =
  (changes: Partial<RemoveName> = {}) =>
  (state: Member) =>
    removeName({ ...command, ...changes }, state, { today: TODAY });

describe('an official member', () => {
  it('has the name removed for abandoning activity (REM-1a)', () =>
    spec
      .given(...anOfficialMember())
      .when(remove())
      .then([
        {
          type: 'MemberNameRemoved',
          data: {
            memberId: 'm-1',
            reason: 'abandoned_activity',
            decisionRef: '30-QĐ/ĐU',
            regulation: 'QĐ232',
          },
          effectiveDate: '2025-05-01',
        },
      ]));

  it.each<NameRemovalReason>([
    'card_returned_or_destroyed',
    'no_progress_after_education',
    'two_years_in_breach',
    'failed_political_standards',
  ])('has the name removed on ground %s (REM-1)', (reason) =>
    spec
      .given(...anOfficialMember())
      .when(remove({ reason }))
      .thenMatches([{ data: { reason } }]),
  );

  it('is refused removal on a ground outside REM-1 (REM-1)', () =>
    spec
      .given(...anOfficialMember())
      .when(remove({ reason: 'disliked' as NameRemovalReason }))
      .thenRefuses('REM-1'));

  it('is refused removal for failed probation, long since passed (PRB-3)', () =>
    spec
      .given(...anOfficialMember())
      .when(remove({ reason: 'probation_failed' }))
      .thenRefuses('PRB-3'));

  it('is refused a removal dated after today (MEMBER-DATE)', () =>
    spec
      .given(...anOfficialMember())
      .when(remove({ effectiveDate: '2025-06-02' }))
      .thenRefuses('MEMBER-DATE'));
});

describe('a probationary member', () => {
  it('has the name removed for failed probation through the same route (PRB-3)', () =>
    spec
      .given(...aProbationaryMember())
      .when(remove({ reason: 'probation_failed' }))
      .thenMatches([{ data: { reason: 'probation_failed' } }]));

  it('has the name removed on a REM-1 ground too (REM-1)', () =>
    spec
      .given(...aProbationaryMember())
      .when(remove())
      .thenMatches([{ data: { reason: 'abandoned_activity' } }]));
});

describe('someone already gone', () => {
  it('is refused removal after death (MEMBER-STATE)', () =>
    spec
      .given(...anOfficialMember(), died('2025-01-01'))
      .when(remove())
      .thenRefuses('MEMBER-STATE'));

  it('is refused removal as a candidate, never a member (MEMBER-STATE)', () =>
    spec
      .given(...aCandidate())
      .when(remove())
      .thenRefuses('MEMBER-STATE'));
});
