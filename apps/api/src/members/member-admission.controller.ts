import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CommandMeta, Meta } from '../commands/command-meta';
import { CommandResult } from '../commands/command-result';
import { uuidParam } from '../http/uuid-param';
import * as dto from './admission.dtos';
import { AdmitMemberCommand } from './admit-member.handler';
import { CommandHeaders } from './command-headers';
import { FailProbationCommand } from './fail-probation.handler';
import { MakeMembershipOfficialCommand } from './make-membership-official.handler';
import { ReadmitMemberCommand } from './readmit-member.handler';

const id = uuidParam();

/** Admission, probation and recognition (ADM, PRB), and readmission (REM-6). */
@ApiTags('members')
@CommandHeaders()
@Controller('api/members')
export class MemberAdmissionController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/admission')
  @ApiOperation({
    summary:
      'Admit a candidate as a probationary member (ADM-1 age, ADM-5/6 introducers, ADM-11 ceremony, ADM-12 dates)',
  })
  @ApiCreatedResponse({ type: CommandResult })
  admit(
    @Param('id', id) memberId: string,
    @Body() body: dto.AdmitMemberDto,
    @Meta() meta: CommandMeta,
  ): Promise<CommandResult> {
    return this.commands.execute(new AdmitMemberCommand(memberId, body, meta));
  }

  @Post(':id/official-recognition')
  @ApiOperation({
    summary:
      'Recognise a probationer as official: not before 12 months (PRB-1), official from their end even when decided late (PRB-4), by a cell of ≥3 official members (PRB-7)',
  })
  @ApiCreatedResponse({ type: CommandResult })
  makeOfficial(
    @Param('id', id) memberId: string,
    @Body() body: dto.MakeMembershipOfficialDto,
    @Meta() meta: CommandMeta,
  ): Promise<CommandResult> {
    return this.commands.execute(new MakeMembershipOfficialCommand(memberId, body, meta));
  }

  @Post(':id/probation-failure')
  @ApiOperation({ summary: 'Remove the name of a probationer found unfit (PRB-3, PRB-6)' })
  @ApiCreatedResponse({ type: CommandResult })
  failProbation(
    @Param('id', id) memberId: string,
    @Body() body: dto.FailProbationDto,
    @Meta() meta: CommandMeta,
  ): Promise<CommandResult> {
    return this.commands.execute(new FailProbationCommand(memberId, body, meta));
  }

  @Post(':id/readmission')
  @ApiOperation({
    summary:
      'Readmit someone who left: 36 months out, provincial consent, once only (REM-6), never after REM-7 grounds; then every admission condition',
  })
  @ApiCreatedResponse({ type: CommandResult })
  readmit(
    @Param('id', id) memberId: string,
    @Body() body: dto.ReadmitMemberDto,
    @Meta() meta: CommandMeta,
  ): Promise<CommandResult> {
    return this.commands.execute(new ReadmitMemberCommand(memberId, body, meta));
  }
}
