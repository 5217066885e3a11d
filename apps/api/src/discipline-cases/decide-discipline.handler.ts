import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { applyDiscipline, decideDiscipline, MemberDisciplineForm } from '@ledger/domain';
import { Clock, CLOCK } from '../commands/clock';
import { CommandExecutor } from '../commands/command-executor';
import { CommandResult } from '../commands/command-result';
import { Directory } from '../commands/directory';
import { CaseCommand, runCaseStep } from './case-step';
import { CaseSubjects } from './case-subjects';
import { DecideDisciplineDto } from './decision.dtos';

export class DecideDisciplineCommand extends CaseCommand<DecideDisciplineDto> {}

/**
 * DisciplineDecided, judged on the subject as it stood on the decision's date (DIS-1..DIS-8). A member
 * subject gets its effect in the same atomic append: MemberDisciplined (with MemberExpelled for an
 * expulsion, which ends the membership), dated from the announcement so that the member side's 12 months
 * to the lapse run from it as the case's do (DIS-11). An organization's discipline has no structural
 * effect: a dissolution (giải tán) decided here does not dissolve the organization in its own stream —
 * that is OrganizationDissolved, recorded by the organization committee when it carries the decision out
 * (POST /api/organizations/:id/dissolution), which also checks its members and cells have gone.
 */
@CommandHandler(DecideDisciplineCommand)
export class DecideDisciplineHandler implements ICommandHandler<DecideDisciplineCommand, CommandResult> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly directory: Directory,
    private readonly subjects: CaseSubjects,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute(command: DecideDisciplineCommand): Promise<CommandResult> {
    const { caseId, body } = command;
    const { delegatedAdmissionPower, ...decision } = body;
    return runCaseStep(this.executor, command, async (_, kase) => {
      await this.directory.existingOrganization(body.decidedBy);
      const today = this.clock.today();
      const subject = await this.subjects.on(kase.subject, body.effectiveDate);
      const events = decideDiscipline({ caseId, ...decision }, kase, {
        today,
        subject: subject.facts,
        delegatedAdmissionPower,
      });
      if (!subject.member || kase.subject.kind !== 'member') return { events, facts: subject.streams };
      const { form, decisionRef, decidedBy, announcedOn } = events[0].data;
      const effects = applyDiscipline(
        {
          memberId: kase.subject.memberId,
          caseId,
          // DIS-1 has already refused a form no member can receive (dissolution).
          form: form as MemberDisciplineForm,
          decisionRef,
          decidedBy,
          effectiveDate: announcedOn,
          especiallySerious: kase.especiallySerious,
        },
        subject.member.state,
        { today },
      );
      return { events, others: [{ stream: subject.member, events: effects }], facts: subject.streams };
    });
  }
}
