import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { memberStream, nominateCandidate } from '@ledger/domain';
import { Clock, CLOCK } from '../commands/clock';
import { CommandExecutor } from '../commands/command-executor';
import { CommandMeta } from '../commands/command-meta';
import { CommandResult } from '../commands/command-result';
import { Directory } from '../commands/directory';
import { generatedId } from '../commands/generated-id';
import { NominateCandidateDto } from './registration.dtos';

export class NominateCandidateCommand {
  constructor(
    readonly body: NominateCandidateDto,
    readonly meta: CommandMeta,
  ) {}
}

@CommandHandler(NominateCandidateCommand)
export class NominateCandidateHandler implements ICommandHandler<NominateCandidateCommand, CommandResult> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly directory: Directory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ body, meta }: NominateCandidateCommand): Promise<CommandResult> {
    const id = body.id ?? generatedId(meta, 'member');
    const replay = await this.executor.replayed(meta, id, memberStream(id));
    if (replay) return replay;
    return this.executor.execute(meta, async () => {
      const own = await this.directory.member(id);
      const cell = await this.directory.cell(body.cellId, body.effectiveDate);
      const { fullName, birthDate, cellId, effectiveDate } = body;
      const events = nominateCandidate(
        { memberId: id, fullName, birthDate, cellId, effectiveDate },
        own.state,
        { today: this.clock.today(), cell: cell.facts },
      );
      return { id, stream: own, events, facts: [cell.loaded] };
    });
  }
}
