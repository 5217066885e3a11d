import { RuleViolation } from '../shared/rule-violation';
import { DisciplineDeferred } from './discipline-case.events';
import {
  CaseContext,
  lastStepOn,
  requireCase,
  requireDateUpTo,
  requireNotBefore,
  requireStatus,
} from './discipline-case.rules';
import { DisciplineCase, runningDeferral } from './discipline-case.state';
import { DEFERRAL_REASONS, DeferralReason } from './discipline-case.vocabulary';

export interface DeferDiscipline {
  readonly caseId: string;
  readonly reason: DeferralReason;
  readonly effectiveDate: string;
}

/**
 * DIS-7: considering a member's discipline is deferred while she is pregnant, on maternity leave, nursing
 * a child under 12 months, while the member is critically ill in hospital or lacks capacity. The time
 * does not run against limitation (DIS-8). Organizations have no such grounds.
 */
export const deferDiscipline = (
  command: DeferDiscipline,
  state: DisciplineCase,
  context: CaseContext,
): DisciplineDeferred[] => {
  const kase = requireStatus(requireCase(state, command.caseId), 'open', 'deferred');
  const { caseId, reason, effectiveDate } = command;
  if (kase.subject.kind !== 'member')
    throw new RuleViolation('DIS-7', "Only a member's discipline is deferred");
  if (!DEFERRAL_REASONS.includes(reason))
    throw new RuleViolation('DIS-7', `${String(reason)} is not a ground for deferral`);
  if (runningDeferral(kase)) throw new RuleViolation('CASE-STATE', `Case ${caseId} is already deferred`);
  requireDateUpTo(effectiveDate, context.today, 'effectiveDate');
  requireNotBefore(effectiveDate, lastStepOn(kase), 'effectiveDate', 'the last step of the case');
  return [{ type: 'DisciplineDeferred', data: { caseId, reason }, effectiveDate }];
};
