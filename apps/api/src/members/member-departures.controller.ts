import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CommandMeta, Meta } from '../commands/command-meta';
import { CommandResult } from '../commands/command-result';
import { uuidParam } from '../http/uuid-param';
import { CommandHeaders } from './command-headers';
import * as dto from './departure.dtos';
import { ExitVoluntarilyCommand } from './exit-voluntarily.handler';
import { RecordDeathCommand } from './record-death.handler';
import { RemoveNameCommand } from './remove-name.handler';

const id = uuidParam();

/** How a membership ends short of expulsion (REM): removal, voluntary exit, death. */
@ApiTags('members')
@CommandHeaders()
@Controller('api/members')
export class MemberDeparturesController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/name-removal')
  @ApiOperation({ summary: 'Remove the name from the rolls (xóa tên) on a REM-1 ground' })
  @ApiCreatedResponse({ type: CommandResult })
  removeName(
    @Param('id', id) memberId: string,
    @Body() body: dto.RemoveNameDto,
    @Meta() meta: CommandMeta,
  ): Promise<CommandResult> {
    return this.commands.execute(new RemoveNameCommand(memberId, body, meta));
  }

  @Post(':id/exit')
  @ApiOperation({
    summary: 'Let a member leave at their request, only without a discipline in force (REM-4)',
  })
  @ApiCreatedResponse({ type: CommandResult })
  exit(
    @Param('id', id) memberId: string,
    @Body() body: dto.ExitVoluntarilyDto,
    @Meta() meta: CommandMeta,
  ): Promise<CommandResult> {
    return this.commands.execute(new ExitVoluntarilyCommand(memberId, body, meta));
  }

  @Post(':id/death')
  @ApiOperation({ summary: "Record a member's death (REM-5)" })
  @ApiCreatedResponse({ type: CommandResult })
  death(
    @Param('id', id) memberId: string,
    @Body() body: dto.RecordDeathDto,
    @Meta() meta: CommandMeta,
  ): Promise<CommandResult> {
    return this.commands.execute(new RecordDeathCommand(memberId, body, meta));
  }
}
