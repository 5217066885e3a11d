import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Inject } from '@nestjs/common';
import { recordMeeting } from '@ledger/domain';
import { Clock, CLOCK } from '../commands/clock';
import { CommandExecutor } from '../commands/command-executor';
import { CommandResult } from '../commands/command-result';
import { Directory } from '../commands/directory';
import { RecordMeetingDto } from './organization.dtos';
import { OrganizationCommand, runOrganizationStep } from './organization-step';

export class RecordMeetingCommand extends OrganizationCommand<RecordMeetingDto> {}

@CommandHandler(RecordMeetingCommand)
export class RecordMeetingHandler implements ICommandHandler<RecordMeetingCommand, CommandResult> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly directory: Directory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute(command: RecordMeetingCommand): Promise<CommandResult> {
    const { organizationId, body } = command;
    return runOrganizationStep(this.executor, this.directory, command, async (own) => {
      return { events: recordMeeting({ organizationId, ...body }, own.state, { today: this.clock.today() }) };
    });
  }
}
