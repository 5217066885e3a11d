import { addMonths } from '../shared/dates';
import { RuleViolation } from '../shared/rule-violation';
import { AdmissionContext, AdmissionTerms, decideAdmission } from './admission.rules';
import { MemberReadmitted } from './member.events';
import { describeStatus, requireDate, requireExisting } from './member.rules';
import { Left, Member } from './member.state';

/** Kết nạp lại (REM-6): admission terms, plus the cell the person now lives or works in. */
export interface ReadmitMember extends AdmissionTerms {
  readonly cellId: string;
  /** REM-6: written consent of the provincial standing committee. */
  readonly provincialConsent: boolean;
  /** REM-7: special family hardship lifts the bar on those who asked to leave. */
  readonly specialHardship?: boolean;
  /** REM-6: when a conviction for a less serious crime was expunged; 60 months must have passed. */
  readonly convictionExpungedOn?: string;
}

/** REM-7 grounds the member stream cannot know: the handler reads them from the records. */
export type ReadmissionBar =
  'serious_internal_disunity' | 'corruption_conviction' | 'serious_crime_conviction';

export interface ReadmitMemberContext extends AdmissionContext {
  readonly bars?: readonly ReadmissionBar[];
}

/** REM-7: never readmitted after leaving by abandoning activity, by asking to (save hardship), or the bars. */
const checkBars = (person: Left, command: ReadmitMember, context: ReadmitMemberContext): void => {
  const { departure } = person;
  if (departure.how === 'removed' && departure.reason === 'abandoned_activity')
    throw new RuleViolation('REM-7', 'Removed for abandoning activity (REM-1a): never readmitted');
  if (departure.how === 'exited' && !command.specialHardship)
    throw new RuleViolation('REM-7', 'Left by asking to: readmitted only for special family hardship');
  const [bar] = context.bars ?? [];
  if (bar) throw new RuleViolation('REM-7', `Barred by ${bar.replace(/_/g, ' ')}`);
};

/** REM-6: 36 months out (60 after an expunged conviction), provincial consent, once only; then ADM in full. */
export const readmitMember = (
  command: ReadmitMember,
  state: Member,
  context: ReadmitMemberContext,
): MemberReadmitted[] => {
  const person = requireExisting(state, command.memberId);
  if (person.status !== 'left' || person.departure.how === 'died')
    throw new RuleViolation(
      'MEMBER-STATE',
      `Only someone who left the party is readmitted; this one is ${describeStatus(person)}`,
    );
  if (person.previousMemberships.length > 0)
    throw new RuleViolation('REM-6', 'Already readmitted once: readmission is allowed once only');
  checkBars(person, command, context);
  requireDate(command.decisionDate, 'decisionDate');
  const earliest = addMonths(person.departure.on, 36);
  if (command.decisionDate < earliest)
    throw new RuleViolation('REM-6', `Left on ${person.departure.on}: readmission from ${earliest}`);
  if (command.convictionExpungedOn !== undefined) {
    requireDate(command.convictionExpungedOn, 'convictionExpungedOn');
    const afterConviction = addMonths(command.convictionExpungedOn, 60);
    if (command.decisionDate < afterConviction)
      throw new RuleViolation(
        'REM-6',
        `Conviction expunged ${command.convictionExpungedOn}: readmission from ${afterConviction}`,
      );
  }
  if (!command.provincialConsent)
    throw new RuleViolation('REM-6', "The provincial standing committee's written consent is required");
  const data = decideAdmission(command, { birthDate: person.birthDate, cellId: command.cellId }, context);
  return [{ type: 'MemberReadmitted', data, effectiveDate: command.ceremonyDate }];
};
