import { AppealDiscipline, appealDiscipline } from './appeal-discipline';
import {
  CASE_ID,
  MEMBER_ID,
  TODAY,
  aDecidedCase,
  anAppealedCase,
  anOpenCase,
  closed,
  resolved,
  spec,
} from './discipline-case.fixtures';
import { DisciplineCase } from './discipline-case.state';

// The decision of 2025-03-01 was received on 2025-03-05: an appeal is in time up to 2025-04-04.
const command: AppealDiscipline = {
  caseId: CASE_ID,
  receivedDecisionOn: '2025-03-05',
  effectiveDate: '2025-03-20',
};
const appeal =
  (changes: Partial<AppealDiscipline> = {}) =>
  (state: DisciplineCase) =>
    appealDiscipline({ ...command, ...changes }, state, { today: TODAY });

describe('a decided case', () => {
  it('is appealed by the member within 30 days of receiving the decision (APP-1)', () =>
    spec
      .given(...aDecidedCase())
      .when(appeal())
      .then([
        {
          type: 'DisciplineAppealed',
          data: { caseId: CASE_ID, appealedOn: '2025-03-20', receivedDecisionOn: '2025-03-05' },
          effectiveDate: '2025-03-20',
        },
      ]));

  it('is appealed on the 30th day, not on the 31st (APP-1)', () => {
    spec
      .given(...aDecidedCase())
      .when(appeal({ effectiveDate: '2025-04-04' }))
      .thenMatches([{ type: 'DisciplineAppealed' }]);
    spec
      .given(...aDecidedCase())
      .when(appeal({ effectiveDate: '2025-04-05' }))
      .thenRefuses('APP-1');
  });

  it('is not appealed before the decision was received (APP-2)', () =>
    spec
      .given(...aDecidedCase())
      .when(appeal({ effectiveDate: '2025-03-04' }))
      .thenRefuses('APP-2'));

  it('is not appealed on behalf of another (APP-2)', () => {
    spec
      .given(...aDecidedCase())
      .when(appeal({ appellant: 'm-2' }))
      .thenRefuses('APP-2');
    spec
      .given(...aDecidedCase())
      .when(appeal({ appellant: MEMBER_ID }))
      .thenMatches([{ data: { appellant: MEMBER_ID } }]);
  });

  it('is refused a receipt dated before the decision', () =>
    spec
      .given(...aDecidedCase())
      .when(appeal({ receivedDecisionOn: '2025-02-28' }))
      .thenRefuses('CASE-DATE'));
});

describe('an appealed case', () => {
  it('is not appealed again while the appeal is pending (APP-2)', () =>
    spec
      .given(...anAppealedCase())
      .when(appeal({ effectiveDate: '2025-03-25' }))
      .thenRefuses('APP-2'));

  it('is not appealed again once the appeal was ruled on (APP-2)', () =>
    spec
      .given(...anAppealedCase(), resolved('upheld', 'warning', 'warning', '2025-04-01'))
      .when(appeal({ effectiveDate: '2025-04-02', receivedDecisionOn: '2025-04-01' }))
      .thenRefuses('APP-2'));
});

describe('a case not decided, or closed', () => {
  it('has nothing to appeal', () => {
    spec
      .given(...anOpenCase())
      .when(appeal())
      .thenRefuses('CASE-STATE');
    spec
      .given(...aDecidedCase(), closed('decided', '2025-03-10'))
      .when(appeal())
      .thenRefuses('CASE-STATE');
  });
});
