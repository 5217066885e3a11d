import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { awardBadge } from '@ledger/domain';
import { Clock, CLOCK } from '../commands/clock';
import { CommandExecutor } from '../commands/command-executor';
import { CommandResult } from '../commands/command-result';
import { Directory } from '../commands/directory';
import { AwardBadgeDto } from './member-record.dtos';
import { MemberCommand, runMemberStep } from './member-step';

export class AwardBadgeCommand extends MemberCommand<AwardBadgeDto> {}

@CommandHandler(AwardBadgeCommand)
export class AwardBadgeHandler implements ICommandHandler<AwardBadgeCommand, CommandResult> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly directory: Directory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute(command: AwardBadgeCommand): Promise<CommandResult> {
    const { memberId, body } = command;
    return runMemberStep(this.executor, this.directory, command, async (own) => ({
      events: awardBadge({ memberId, ...body }, own.state, { today: this.clock.today() }),
    }));
  }
}
