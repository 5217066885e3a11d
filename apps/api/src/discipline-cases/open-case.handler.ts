import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CaseSubject, disciplineCaseStream, openCase } from '@ledger/domain';
import { Clock, CLOCK } from '../commands/clock';
import { CommandExecutor } from '../commands/command-executor';
import { CommandMeta } from '../commands/command-meta';
import { CommandResult } from '../commands/command-result';
import { Directory } from '../commands/directory';
import { generatedId } from '../commands/generated-id';
import { loadCase } from './case-step';
import { CaseSubjects } from './case-subjects';
import { OpenDisciplineCaseDto } from './opening.dtos';

export class OpenDisciplineCaseCommand {
  constructor(
    readonly body: OpenDisciplineCaseDto,
    readonly meta: CommandMeta,
  ) {}
}

/** Opens a case against the subject as it stood on the opening date (404 when it did not exist then). */
@CommandHandler(OpenDisciplineCaseCommand)
export class OpenDisciplineCaseHandler implements ICommandHandler<OpenDisciplineCaseCommand, CommandResult> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly directory: Directory,
    private readonly subjects: CaseSubjects,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ body, meta }: OpenDisciplineCaseCommand): Promise<CommandResult> {
    const id = body.id ?? generatedId(meta, 'discipline-case');
    const { memberId, organizationId, id: _, ...opening } = body;
    const subject: CaseSubject = memberId
      ? { kind: 'member', memberId }
      : { kind: 'organization', organizationId: organizationId! };
    const replay = await this.executor.replayed(meta, id, disciplineCaseStream(id));
    if (replay) return replay;
    return this.executor.execute(meta, async () => {
      const kase = await loadCase(this.executor, id);
      await this.directory.existingOrganization(body.openedBy);
      const on = await this.subjects.on(subject, body.effectiveDate);
      const events = openCase({ caseId: id, subject, ...opening }, kase.state, {
        today: this.clock.today(),
        subject: on.facts,
      });
      return { id, stream: kase, events, facts: on.streams };
    });
  }
}
