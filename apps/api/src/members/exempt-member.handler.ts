import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { exemptMember } from '@ledger/domain';
import { Clock, CLOCK } from '../commands/clock';
import { CommandExecutor } from '../commands/command-executor';
import { CommandResult } from '../commands/command-result';
import { Directory } from '../commands/directory';
import { ExemptMemberDto } from './member-record.dtos';
import { MemberCommand, runMemberStep } from './member-step';

export class ExemptMemberCommand extends MemberCommand<ExemptMemberDto> {}

@CommandHandler(ExemptMemberCommand)
export class ExemptMemberHandler implements ICommandHandler<ExemptMemberCommand, CommandResult> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly directory: Directory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute(command: ExemptMemberCommand): Promise<CommandResult> {
    const { memberId, body } = command;
    return runMemberStep(this.executor, this.directory, command, async (own) => ({
      events: exemptMember({ memberId, ...body }, own.state, { today: this.clock.today() }),
    }));
  }
}
