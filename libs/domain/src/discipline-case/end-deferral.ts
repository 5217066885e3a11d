import { RuleViolation } from '../shared/rule-violation';
import { DeferralEnded } from './discipline-case.events';
import {
  CaseContext,
  requireCase,
  requireDateUpTo,
  requireNotBefore,
  requireStatus,
} from './discipline-case.rules';
import { DisciplineCase, runningDeferral } from './discipline-case.state';

export interface EndDeferral {
  readonly caseId: string;
  readonly effectiveDate: string;
}

/** DIS-7: the ground has gone; the case can be considered again and limitation runs again. */
export const endDeferral = (
  command: EndDeferral,
  state: DisciplineCase,
  context: CaseContext,
): DeferralEnded[] => {
  const kase = requireStatus(requireCase(state, command.caseId), 'open', 'resumed');
  const { caseId, effectiveDate } = command;
  const deferral = runningDeferral(kase);
  if (!deferral) throw new RuleViolation('CASE-STATE', `Case ${caseId} is not deferred`);
  requireDateUpTo(effectiveDate, context.today, 'effectiveDate');
  requireNotBefore(effectiveDate, deferral.from, 'effectiveDate', 'the deferral');
  return [{ type: 'DeferralEnded', data: { caseId }, effectiveDate }];
};
