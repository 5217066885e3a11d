import { RuleViolation } from '../shared/rule-violation';
import { AdmissionContext, AdmissionTerms, decideAdmission } from './admission.rules';
import { MemberAdmitted } from './member.events';
import { describeStatus, requireExisting } from './member.rules';
import { Member } from './member.state';

/** Kết nạp: the competent committee's decision and the ceremony that follows it (ADM-12). */
export type AdmitMember = AdmissionTerms;
export type AdmitMemberContext = AdmissionContext;

/**
 * ADM-1 age, ADM-5/6 introducers, ADM-11 ceremony deadline, ADM-12 dates; the candidate's cell must
 * still be an active cell. ADM-10's decision deadline is answered to the superior, not refused.
 */
export const admitMember = (
  command: AdmitMember,
  state: Member,
  context: AdmitMemberContext,
): MemberAdmitted[] => {
  const candidate = requireExisting(state, command.memberId);
  if (candidate.status !== 'candidate')
    throw new RuleViolation(
      'MEMBER-STATE',
      `Only a candidate can be admitted; this one is ${describeStatus(candidate)}`,
    );
  const data = decideAdmission(command, candidate, context);
  return [{ type: 'MemberAdmitted', data, effectiveDate: command.ceremonyDate }];
};
