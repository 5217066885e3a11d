import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CommandMeta, Meta } from '../commands/command-meta';
import { CommandResult } from '../commands/command-result';
import { CorrectRecordCommand } from './correct-record.handler';
import { CorrectRecordDto } from './correction.dto';

@ApiTags('corrections')
@ApiHeader({ name: 'Idempotency-Key', required: false })
@ApiHeader({
  name: 'If-Match',
  required: false,
  description: "expected version of the corrected event's stream",
})
@Controller('api/corrections')
export class CorrectionsController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiOperation({
    summary:
      'Correct (wrong date, wrong cell …) or retract an event recorded earlier; the original stays in the log',
  })
  @ApiCreatedResponse({ type: CommandResult })
  correct(@Body() body: CorrectRecordDto, @Meta() meta: CommandMeta): Promise<CommandResult> {
    return this.commands.execute(new CorrectRecordCommand(body, meta));
  }
}
