import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { issuePartyCard } from '@ledger/domain';
import { Clock, CLOCK } from '../commands/clock';
import { CommandExecutor } from '../commands/command-executor';
import { CommandResult } from '../commands/command-result';
import { Directory } from '../commands/directory';
import { IssuePartyCardDto } from './member-record.dtos';
import { MemberCommand, runMemberStep } from './member-step';

export class IssuePartyCardCommand extends MemberCommand<IssuePartyCardDto> {}

@CommandHandler(IssuePartyCardCommand)
export class IssuePartyCardHandler implements ICommandHandler<IssuePartyCardCommand, CommandResult> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly directory: Directory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute(command: IssuePartyCardCommand): Promise<CommandResult> {
    const { memberId, body } = command;
    return runMemberStep(this.executor, this.directory, command, async (own) => ({
      events: issuePartyCard({ memberId, ...body }, own.state, { today: this.clock.today() }),
    }));
  }
}
