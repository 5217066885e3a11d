import { FindingsRecorded } from './discipline-case.events';
import {
  CaseContext,
  lastStepOn,
  requireCase,
  requireDateUpTo,
  requireNotBefore,
  requireStatus,
} from './discipline-case.rules';
import { DisciplineCase } from './discipline-case.state';

export interface RecordFindings {
  readonly caseId: string;
  readonly findings: string;
  /** The organization whose body (usually the inspection committee) concluded. */
  readonly recordedBy: string;
  /** The findings conclude the breach warrants expulsion: no limitation runs (DIS-8). */
  readonly expulsionLevel?: boolean;
  readonly effectiveDate: string;
}

/** Findings (kết luận) of an open case; several may be recorded, also while it is deferred (DIS-7). */
export const recordFindings = (
  command: RecordFindings,
  state: DisciplineCase,
  context: CaseContext,
): FindingsRecorded[] => {
  const kase = requireStatus(requireCase(state, command.caseId), 'open', 'given findings');
  const { caseId, findings, recordedBy, effectiveDate } = command;
  requireDateUpTo(effectiveDate, context.today, 'effectiveDate');
  requireNotBefore(effectiveDate, lastStepOn(kase), 'effectiveDate', 'the last step of the case');
  const data = { caseId, findings, recordedBy, ...(command.expulsionLevel ? { expulsionLevel: true } : {}) };
  return [{ type: 'FindingsRecorded', data, effectiveDate }];
};
