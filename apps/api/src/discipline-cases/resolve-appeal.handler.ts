import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { amendDiscipline, MemberDisciplineForm, resolveAppeal } from '@ledger/domain';
import { Clock, CLOCK } from '../commands/clock';
import { CommandExecutor } from '../commands/command-executor';
import { CommandResult } from '../commands/command-result';
import { Directory } from '../commands/directory';
import { CaseCommand, runCaseStep } from './case-step';
import { CaseSubjects } from './case-subjects';
import { ResolveAppealDto } from './decision.dtos';

export class ResolveAppealCommand extends CaseCommand<ResolveAppealDto> {}

/**
 * AppealResolved. A new form must fit the subject as it stood on the decision appealed (DIS-1, PRB-6).
 * When the ruling changes or annuls a member's form, the same append carries DisciplineAmended to the
 * member stream (annulment or a lighter form than expulsion restores the membership, DIS-15), dated from
 * the ruling's announcement, from which the lapse then runs (DIS-11). A ruling that upholds the form
 * leaves the member stream as it is.
 */
@CommandHandler(ResolveAppealCommand)
export class ResolveAppealHandler implements ICommandHandler<ResolveAppealCommand, CommandResult> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly directory: Directory,
    private readonly subjects: CaseSubjects,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute(command: ResolveAppealCommand): Promise<CommandResult> {
    const { caseId, body } = command;
    return runCaseStep(this.executor, command, async (_, kase) => {
      await this.directory.existingOrganization(body.resolvedBy);
      const today = this.clock.today();
      const decidedOn = 'decision' in kase && kase.decision ? kase.decision.decidedOn : body.effectiveDate;
      const subject = await this.subjects.on(kase.subject, decidedOn);
      const events = resolveAppeal({ caseId, ...body }, kase, { today, subject: subject.facts });
      const { form, previousForm, decisionRef, resolvedBy, announcedOn } = events[0].data;
      if (!subject.member || kase.subject.kind !== 'member' || form === previousForm)
        return { events, facts: subject.streams };
      const effects = amendDiscipline(
        {
          memberId: kase.subject.memberId,
          caseId,
          form: form as MemberDisciplineForm | null,
          decisionRef,
          decidedBy: resolvedBy,
          effectiveDate: announcedOn,
        },
        subject.member.state,
        { today },
      );
      return { events, others: [{ stream: subject.member, events: effects }], facts: subject.streams };
    });
  }
}
