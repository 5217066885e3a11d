import {
  CASE_ID,
  MEMBER_ID,
  aDecidedCase,
  anAppealedCase,
  appealed,
  closed,
  decided,
  deferralEnded,
  deferred,
  findingsRecorded,
  opened,
  proposed,
  resolved,
  spec,
} from './discipline-case.fixtures';
import { evolve, initialState } from './discipline-case.state';

describe('evolve', () => {
  it('opens a case with empty files', () =>
    expect(spec.given(opened()).state).toMatchObject({
      status: 'open',
      caseId: CASE_ID,
      subject: { kind: 'member', memberId: MEMBER_ID },
      openedOn: '2025-01-10',
      expulsionLevel: false,
      especiallySerious: false,
      findings: [],
      proposals: [],
      deferrals: [],
    }));

  it('keeps findings, proposals and deferrals; findings may raise the case to expulsion level', () =>
    expect(
      spec.given(
        opened(),
        findingsRecorded('2025-02-01', true),
        proposed('expulsion', '2025-02-10'),
        deferred('2025-02-15'),
        deferralEnded('2025-02-25'),
      ).state,
    ).toMatchObject({
      status: 'open',
      expulsionLevel: true,
      findings: [{ recordedOn: '2025-02-01' }],
      proposals: [{ form: 'expulsion', proposedOn: '2025-02-10' }],
      deferrals: [{ reason: 'maternity_leave', from: '2025-02-15', until: '2025-02-25' }],
    }));

  it('records the decision, the appeal (by the subject when no appellant is named) and its ruling', () => {
    expect(spec.given(...aDecidedCase('warning', '2025-03-01')).state).toMatchObject({
      status: 'decided',
      decision: { form: 'warning', decidedOn: '2025-03-01', announcedOn: '2025-03-01' },
    });
    expect(spec.given(...anAppealedCase()).state).toMatchObject({
      status: 'appealed',
      appeal: { appealedOn: '2025-03-10', receivedDecisionOn: '2025-03-05', appellant: MEMBER_ID },
    });
    expect(
      spec.given(...anAppealedCase(), resolved('annulled', null, 'warning', '2025-04-15')).state,
    ).toMatchObject({
      status: 'decided',
      appeal: { ruling: { outcome: 'annulled', form: null, ruledOn: '2025-04-15' } },
    });
  });

  it('closes a case, keeping its decision', () =>
    expect(spec.given(...aDecidedCase(), closed('decided', '2025-04-01')).state).toMatchObject({
      status: 'closed',
      closure: { reason: 'decided', closedOn: '2025-04-01' },
      decision: { form: 'warning' },
    }));

  it('never throws: an event that does not fit leaves the state as it was', () => {
    expect(evolve(initialState, decided('warning'))).toBe(initialState);
    const open = spec.given(opened()).state;
    expect(evolve(open, appealed('2025-03-10'))).toBe(open);
    expect(evolve(open, resolved('upheld', 'warning', 'warning', '2025-04-01'))).toBe(open);
  });
});
