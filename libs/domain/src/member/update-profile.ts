import { ProfileUpdated } from './member.events';
import { MemberContext, requireDateUpTo, requireExisting } from './member.rules';
import { Member } from './member.state';

/** Education, political-theory level and post, as recorded on the member's file. */
export interface UpdateProfile {
  readonly memberId: string;
  readonly education?: string;
  readonly politicalTheory?: string;
  /** The post held; null when the member no longer holds one. */
  readonly position?: string | null;
  readonly effectiveDate: string;
}

/**
 * Records the file, not an appointment: DIS-12's bar on appointments belongs to the body that appoints,
 * so a discipline in force does not refuse the record. A command that changes nothing appends nothing.
 */
export const updateProfile = (
  command: UpdateProfile,
  state: Member,
  context: MemberContext,
): ProfileUpdated[] => {
  const member = requireExisting(state, command.memberId);
  requireDateUpTo(command.effectiveDate, context.today, 'effectiveDate');
  const { profile } = member;
  const changes = {
    ...(command.education !== undefined && command.education !== profile.education
      ? { education: command.education }
      : {}),
    ...(command.politicalTheory !== undefined && command.politicalTheory !== profile.politicalTheory
      ? { politicalTheory: command.politicalTheory }
      : {}),
    ...(command.position !== undefined && (command.position ?? undefined) !== profile.position
      ? { position: command.position }
      : {}),
  };
  if (Object.keys(changes).length === 0) return [];
  return [
    {
      type: 'ProfileUpdated',
      data: { memberId: command.memberId, ...changes },
      effectiveDate: command.effectiveDate,
    },
  ];
};
