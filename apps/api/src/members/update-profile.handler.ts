import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { updateProfile } from '@ledger/domain';
import { Clock, CLOCK } from '../commands/clock';
import { CommandExecutor } from '../commands/command-executor';
import { CommandResult } from '../commands/command-result';
import { Directory } from '../commands/directory';
import { UpdateProfileDto } from './member-record.dtos';
import { MemberCommand, runMemberStep } from './member-step';

export class UpdateProfileCommand extends MemberCommand<UpdateProfileDto> {}

/** A body that changes nothing on the file decides no events: 201 with the current version, nothing appended. */
@CommandHandler(UpdateProfileCommand)
export class UpdateProfileHandler implements ICommandHandler<UpdateProfileCommand, CommandResult> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly directory: Directory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute(command: UpdateProfileCommand): Promise<CommandResult> {
    const { memberId, body } = command;
    return runMemberStep(this.executor, this.directory, command, async (own) => ({
      events: updateProfile({ memberId, ...body }, own.state, { today: this.clock.today() }),
    }));
  }
}
