import { EntityNotFound } from '../shared/rule-violation';
import {
  CASE_ID,
  aDecidedCase,
  aMember,
  anOpenCase,
  decide,
  deferralEnded,
  deferred,
  opened,
  spec,
} from './discipline-case.fixtures';
import { initialState } from './discipline-case.state';

const byCell = { decidedBy: 'cell-1', decidedByKind: 'cell' } as const;

describe('an open case against an official member', () => {
  it('is decided with a warning, announced on the day unless said otherwise', () =>
    spec
      .given(...anOpenCase())
      .when(decide())
      .then([
        {
          type: 'DisciplineDecided',
          data: {
            caseId: CASE_ID,
            form: 'warning',
            decidedBy: 'base-1',
            decidedByKind: 'inspection_committee',
            decisionRef: '7-QĐ/UBKT',
            announcedOn: '2025-03-01',
          },
          effectiveDate: '2025-03-01',
        },
      ]));

  it('is decided with removal from the post the member holds (DIS-1)', () =>
    spec
      .given(...anOpenCase())
      .when(decide({ form: 'dismissal' }, aMember({ holdsPosition: true })))
      .thenMatches([{ data: { form: 'dismissal' } }]));

  it('is refused removal from post when holding none (DIS-1)', () =>
    spec
      .given(...anOpenCase())
      .when(decide({ form: 'dismissal' }))
      .thenRefuses('DIS-1'));

  it('is refused dissolution, a form for organizations (DIS-1)', () =>
    spec
      .given(...anOpenCase())
      .when(decide({ form: 'dissolution' }))
      .thenRefuses('DIS-1'));

  it('is refused on a stream with no case', () =>
    expect(() => decide()(initialState)).toThrow(EntityNotFound));

  it('is refused a decision before the opening or announced before it was taken', () => {
    spec
      .given(...anOpenCase())
      .when(decide({ effectiveDate: '2025-01-01' }))
      .thenRefuses('CASE-DATE');
    spec
      .given(...anOpenCase())
      .when(decide({ announcedOn: '2025-02-28' }))
      .thenRefuses('CASE-DATE');
  });

  it('is refused a body kind the ledger does not know', () =>
    spec
      .given(...anOpenCase())
      .when(decide({ decidedByKind: 'mass_meeting' as never }))
      .thenRefuses('CASE-BODY'));
});

describe('an open case against a probationer', () => {
  const probationer = aMember({ standing: 'probationary', holdsPosition: true });
  it('is decided with a warning', () =>
    spec
      .given(...anOpenCase())
      .when(decide({}, probationer))
      .thenMatches([{ data: { form: 'warning' } }]));
  it('is refused removal from post and expulsion (PRB-6)', () => {
    spec
      .given(...anOpenCase())
      .when(decide({ form: 'dismissal' }, probationer))
      .thenRefuses('PRB-6');
    spec
      .given(...anOpenCase())
      .when(decide({ form: 'expulsion' }, probationer))
      .thenRefuses('PRB-6');
  });
});

describe('a case against a member who has died since it was opened', () => {
  it('is refused unless the breach was especially serious (REM-5)', () =>
    spec
      .given(...anOpenCase())
      .when(decide({}, aMember({ standing: 'died' })))
      .thenRefuses('REM-5'));
  it('is decided when it was (DIS-10)', () =>
    spec
      .given(opened({ especiallySerious: true }))
      .when(decide({ form: 'expulsion' }, aMember({ standing: 'died' })))
      .thenMatches([{ data: { form: 'expulsion' } }]));
});

describe('the vote (DIS-5)', () => {
  it('carries a warning with more than half of the members', () =>
    spec
      .given(...anOpenCase())
      .when(decide({ votesFor: 5, membersEntitled: 9 }))
      .thenMatches([{ data: { votesFor: 5, membersEntitled: 9 } }]));
  it('does not carry it with exactly half', () =>
    spec
      .given(...anOpenCase())
      .when(decide({ votesFor: 4, membersEntitled: 8 }))
      .thenRefuses('DIS-5'));
  it('carries an expulsion in the deciding body with more than half', () =>
    spec
      .given(...anOpenCase())
      .when(decide({ form: 'expulsion', votesFor: 5, membersEntitled: 9 }))
      .thenMatches([{ data: { form: 'expulsion' } }]));
});

describe("a cell's decision (DIS-6)", () => {
  it('takes effect when the vote is announced: one date', () =>
    spec
      .given(...anOpenCase())
      .when(decide({ ...byCell, announcedOn: '2025-03-05' }))
      .thenRefuses('DIS-6'));
});

describe('a deferred case (DIS-7)', () => {
  it('is not decided while deferred', () =>
    spec
      .given(...anOpenCase(), deferred('2025-02-01'))
      .when(decide())
      .thenRefuses('DIS-7'));
  it('is decided once the deferral has ended', () =>
    spec
      .given(...anOpenCase(), deferred('2025-02-01'), deferralEnded('2025-02-20'))
      .when(decide())
      .thenMatches([{ type: 'DisciplineDecided' }]));
});

describe('a decided case', () => {
  it('is not decided again', () =>
    spec
      .given(...aDecidedCase())
      .when(decide())
      .thenRefuses('CASE-STATE'));
});
