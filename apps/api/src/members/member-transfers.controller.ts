import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CommandMeta, Meta } from '../commands/command-meta';
import { CommandResult } from '../commands/command-result';
import { uuidParam } from '../http/uuid-param';
import { CommandHeaders } from './command-headers';
import { CompleteTransferCommand } from './complete-transfer.handler';
import { ReturnFromTemporaryTransferCommand } from './return-from-temporary-transfer.handler';
import { StartTransferCommand } from './start-transfer.handler';
import * as dto from './transfer.dtos';

const id = uuidParam();
const transferId = uuidParam('transferId');

/** Chuyển sinh hoạt đảng (TRF): official and temporary transfers, arrival, return. */
@ApiTags('members')
@CommandHeaders()
@Controller('api/members')
export class MemberTransfersController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/transfers')
  @ApiOperation({
    summary:
      'Start a transfer to another cell: official (out of every count until arrival, TRF-7) or temporary (TRF-5, TRF-6); answers the transferId',
  })
  @ApiCreatedResponse({ type: dto.TransferStartedResult })
  start(
    @Param('id', id) memberId: string,
    @Body() body: dto.StartTransferDto,
    @Meta() meta: CommandMeta,
  ): Promise<dto.TransferStartedResult> {
    return this.commands.execute(new StartTransferCommand(memberId, body, meta));
  }

  @Post(':id/transfers/:transferId/arrival')
  @ApiOperation({
    summary: 'Record the arrival at the receiving cell; after 30 working days it is recorded as late (TRF-4)',
  })
  @ApiCreatedResponse({ type: CommandResult })
  arrive(
    @Param('id', id) memberId: string,
    @Param('transferId', transferId) transfer: string,
    @Body() body: dto.CompleteTransferDto,
    @Meta() meta: CommandMeta,
  ): Promise<CommandResult> {
    return this.commands.execute(new CompleteTransferCommand(memberId, transfer, body, meta));
  }

  @Post(':id/transfers/:transferId/return')
  @ApiOperation({ summary: 'End a temporary transfer: back to the home cell (TRF-5)' })
  @ApiCreatedResponse({ type: CommandResult })
  return(
    @Param('id', id) memberId: string,
    @Param('transferId', transferId) transfer: string,
    @Body() body: dto.ReturnFromTemporaryTransferDto,
    @Meta() meta: CommandMeta,
  ): Promise<CommandResult> {
    return this.commands.execute(new ReturnFromTemporaryTransferCommand(memberId, transfer, body, meta));
  }
}
