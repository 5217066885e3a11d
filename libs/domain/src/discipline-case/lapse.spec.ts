import {
  aDecidedCase,
  anAppealedCase,
  anOpenCase,
  closed,
  decided,
  opened,
  openedAgainstOrganization,
  resolved,
  spec,
} from './discipline-case.fixtures';
import { DisciplineCaseEvent } from './discipline-case.events';
import { disciplineInForceOn, inForceOn, lapsesOn } from './lapse';

const caseOf = (...events: DisciplineCaseEvent[]) => spec.given(...events).state;

describe('lapsesOn (DIS-11)', () => {
  it('is 12 months after the announcement', () => {
    expect(lapsesOn({ form: 'reprimand', announcedOn: '2025-03-01' })).toBe('2026-03-01');
    expect(lapsesOn({ form: 'dismissal', announcedOn: '2024-02-29' })).toBe('2025-02-28');
  });
  it('is never for expulsion or dissolution', () => {
    expect(lapsesOn({ form: 'expulsion', announcedOn: '2025-03-01' })).toBeNull();
    expect(lapsesOn({ form: 'dissolution', announcedOn: '2025-03-01' })).toBeNull();
  });
});

describe('a warning decided on 2025-03-01, with no appeal', () => {
  const state = caseOf(...aDecidedCase('warning', '2025-03-01'));
  it('is in force from the decision', () => {
    expect(inForceOn(state, '2025-02-28')).toBe(false);
    expect(disciplineInForceOn(state, '2025-03-01')).toBe('warning');
    expect(inForceOn(state, '2026-02-28')).toBe(true);
  });
  it('has lapsed by time alone 12 months after its announcement, with no event recorded', () =>
    expect(inForceOn(state, '2026-03-01')).toBe(false));
  it('lapses 12 months after a later announcement', () => {
    const announcedLater = caseOf(
      ...anOpenCase(),
      decided('warning', '2025-03-01', { announcedOn: '2025-03-10' }),
    );
    expect(inForceOn(announcedLater, '2026-03-09')).toBe(true);
    expect(inForceOn(announcedLater, '2026-03-10')).toBe(false);
  });
  it('stays the same once the case is closed as decided', () => {
    const closedCase = caseOf(...aDecidedCase('warning', '2025-03-01'), closed('decided', '2025-04-10'));
    expect(inForceOn(closedCase, '2025-06-01')).toBe(true);
    expect(inForceOn(closedCase, '2026-03-01')).toBe(false);
  });
});

describe('an expulsion or a dissolution', () => {
  it('never lapses', () => {
    expect(disciplineInForceOn(caseOf(...aDecidedCase('expulsion')), '2045-01-01')).toBe('expulsion');
    const dissolved = caseOf(openedAgainstOrganization(), decided('dissolution'));
    expect(inForceOn(dissolved, '2045-01-01')).toBe(true);
  });
});

describe('a warning under appeal', () => {
  it('is obeyed and does not lapse while the appeal is pending (APP-1, DIS-11)', () =>
    expect(disciplineInForceOn(caseOf(...anAppealedCase('warning')), '2026-06-01')).toBe('warning'));

  it('gives way to the reduced form from the ruling, lapsing 12 months after it', () => {
    const state = caseOf(
      ...anAppealedCase('warning'),
      resolved('reduced', 'reprimand', 'warning', '2025-04-15'),
    );
    expect(disciplineInForceOn(state, '2025-04-14')).toBe('warning');
    expect(disciplineInForceOn(state, '2025-04-15')).toBe('reprimand');
    expect(disciplineInForceOn(state, '2026-04-14')).toBe('reprimand');
    expect(disciplineInForceOn(state, '2026-04-15')).toBeNull();
  });

  it('upheld, lapses 12 months after the ruling rather than the decision (DIS-11)', () => {
    const state = caseOf(
      ...anAppealedCase('warning'),
      resolved('upheld', 'warning', 'warning', '2025-05-20'),
    );
    expect(inForceOn(state, '2026-03-01')).toBe(true);
    expect(inForceOn(state, '2026-05-20')).toBe(false);
  });

  it('annulled, is no longer in force from the ruling (DIS-15)', () => {
    const state = caseOf(...anAppealedCase('warning'), resolved('annulled', null, 'warning', '2025-04-15'));
    expect(inForceOn(state, '2025-04-14')).toBe(true);
    expect(inForceOn(state, '2025-04-15')).toBe(false);
  });
});

describe('a case with no decision', () => {
  it('imposes nothing, open or closed as time-barred', () => {
    expect(inForceOn(caseOf(...anOpenCase()), '2025-06-01')).toBe(false);
    const barred = caseOf(
      opened({ violationDate: '2018-05-01' }, '2024-01-10'),
      closed('time_barred', '2024-02-01', 'reprimand'),
    );
    expect(inForceOn(barred, '2024-06-01')).toBe(false);
  });
});
