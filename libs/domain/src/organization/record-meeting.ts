import { RuleViolation } from '../shared/rule-violation';
import { MEETING_KINDS, MeetingHeld, MeetingKind } from './organization.events';
import { requireActiveOn } from './organization.rules';
import { Organization } from './organization.state';

export interface RecordMeeting {
  organizationId: string;
  meetingKind: MeetingKind;
  /** Also the event's effective date. */
  heldOn: string;
  /** The MTG-4 denominator: members summoned less those excused by the rule. */
  expected: number;
  present: number;
}

export interface RecordMeetingContext {
  today: string;
}

const isCount = (n: number) => Number.isInteger(n) && n >= 0;

/** Attendance figures feed MTG-5 rates, so they must make a share: 0 ≤ present ≤ expected, expected > 0. */
export const recordMeeting = (
  command: RecordMeeting,
  state: Organization,
  context: RecordMeetingContext,
): MeetingHeld[] => {
  const { meetingKind, heldOn, expected, present } = command;
  const organization = requireActiveOn(state, command.organizationId, heldOn);
  if (heldOn > context.today)
    throw new RuleViolation('MTG-FUTURE', `A meeting on ${heldOn} has not been held yet`);
  if (!MEETING_KINDS.includes(meetingKind))
    throw new RuleViolation('MTG-KIND', `A meeting is regular or thematic, not ${String(meetingKind)}`);
  if (!isCount(expected) || expected === 0)
    throw new RuleViolation('MTG-4', `At least one member must be expected, not ${expected}`);
  if (!isCount(present) || present > expected)
    throw new RuleViolation('MTG-4', `${present} present cannot exceed the ${expected} expected`);
  return [
    {
      type: 'MeetingHeld',
      data: { organizationId: organization.id, meetingKind, heldOn, expected, present },
      effectiveDate: heldOn,
    },
  ];
};
