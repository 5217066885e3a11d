import { DecideDiscipline } from './decide-discipline';
import { DisciplineCaseEvent } from './discipline-case.events';
import { SubjectFacts } from './discipline-case.facts';
import {
  anOrganization,
  decide,
  deferralEnded,
  deferred,
  opened,
  openedAgainstOrganization,
  spec,
} from './discipline-case.fixtures';

/** DIS-8, DIS-9 (and DIS-7): the form is voted first, then its limitation is checked. */
describe('limitation (DIS-8): a breach of 2018-05-01 decided on 2024-02-01', () => {
  const old = (changes = {}): DisciplineCaseEvent =>
    opened({ violationDate: '2018-05-01', ...changes }, '2024-01-10');
  const in2024 = (changes: Partial<DecideDiscipline> = {}, subject?: SubjectFacts) =>
    decide({ effectiveDate: '2024-02-01', ...changes }, subject);

  it('refuses a reprimand: its 5 years ran out on 2023-05-01', () =>
    spec
      .given(old())
      .when(in2024({ form: 'reprimand' }))
      .thenRefuses('DIS-8'));
  it('takes a warning: 10 years', () =>
    spec
      .given(old())
      .when(in2024({ form: 'warning' }))
      .thenMatches([{ data: { form: 'warning' } }]));
  it('takes an expulsion: none runs', () =>
    spec
      .given(old())
      .when(in2024({ form: 'expulsion' }))
      .thenMatches([{ data: { form: 'expulsion' } }]));
  it('takes a reprimand for a breach of expulsion level, or one of the listed exceptions', () => {
    spec
      .given(old({ expulsionLevel: true }))
      .when(in2024({ form: 'reprimand' }))
      .thenMatches([{ data: { form: 'reprimand' } }]);
    spec
      .given(old({ limitationExempt: 'internal_political_security' }))
      .when(in2024({ form: 'reprimand' }))
      .thenMatches([{ data: { form: 'reprimand' } }]);
  });
  it('counts a continuing breach from its end', () =>
    spec
      .given(old({ violationEndedOn: '2019-03-01' }))
      .when(in2024({ form: 'reprimand' }))
      .thenMatches([{ data: { form: 'reprimand' } }]));
  it('checks the form before limitation: an impossible form is refused for itself', () =>
    spec
      .given(old())
      .when(in2024({ form: 'dismissal' }))
      .thenRefuses('DIS-1'));
});

describe('limitation (DIS-7, DIS-8): time deferred does not count', () => {
  // 5 years from 2019-01-10 end on 2024-01-10; 41 days deferred move that to 2024-02-20.
  const history = [
    opened({ violationDate: '2019-01-10' }, '2023-12-01'),
    deferred('2023-12-10'),
    deferralEnded('2024-01-20'),
  ];
  it('takes a reprimand on the last day of the lengthened period', () =>
    spec
      .given(...history)
      .when(decide({ form: 'reprimand', effectiveDate: '2024-02-20' }))
      .thenMatches([{ data: { form: 'reprimand' } }]));
  it('refuses it the day after', () =>
    spec
      .given(...history)
      .when(decide({ form: 'reprimand', effectiveDate: '2024-02-21' }))
      .thenRefuses('DIS-8'));
});

describe('limitation for organizations (DIS-9)', () => {
  it('refuses a reprimand of a 2018 breach in 2024, takes a warning', () => {
    const old = openedAgainstOrganization({ violationDate: '2018-05-01' }, '2024-01-10');
    const by = { decidedBy: 'base-1', decidedByKind: 'base_committee', effectiveDate: '2024-02-01' } as const;
    spec
      .given(old)
      .when(decide({ ...by, form: 'reprimand' }, anOrganization()))
      .thenRefuses('DIS-9');
    spec
      .given(old)
      .when(decide({ ...by, form: 'warning' }, anOrganization()))
      .thenMatches([{ data: { form: 'warning' } }]);
  });
});
