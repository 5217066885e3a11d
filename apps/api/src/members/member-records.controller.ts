import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CommandMeta, Meta } from '../commands/command-meta';
import { CommandResult } from '../commands/command-result';
import { uuidParam } from '../http/uuid-param';
import { AssessMemberCommand } from './assess-member.handler';
import { AwardBadgeCommand } from './award-badge.handler';
import { CommandHeaders } from './command-headers';
import { EndExemptionCommand } from './end-exemption.handler';
import { ExemptMemberCommand } from './exempt-member.handler';
import { IssuePartyCardCommand } from './issue-party-card.handler';
import * as dto from './member-record.dtos';
import { UpdateProfileCommand } from './update-profile.handler';

const id = uuidParam();

/** What the member's file records while they are a member: exemptions, ratings, card, badges, profile. */
@ApiTags('members')
@CommandHeaders()
@Controller('api/members')
export class MemberRecordsController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/exemptions')
  @ApiOperation({ summary: 'Exempt a member from work and activities (EXM-1, EXM-2)' })
  @ApiCreatedResponse({ type: CommandResult })
  exempt(
    @Param('id', id) memberId: string,
    @Body() body: dto.ExemptMemberDto,
    @Meta() meta: CommandMeta,
  ): Promise<CommandResult> {
    return this.commands.execute(new ExemptMemberCommand(memberId, body, meta));
  }

  @Post(':id/exemption-end')
  @ApiOperation({ summary: "End a member's exemption (EXM-2)" })
  @ApiCreatedResponse({ type: CommandResult })
  endExemption(
    @Param('id', id) memberId: string,
    @Body() body: dto.EndExemptionDto,
    @Meta() meta: CommandMeta,
  ): Promise<CommandResult> {
    return this.commands.execute(new EndExemptionCommand(memberId, body, meta));
  }

  @Post(':id/assessments')
  @ApiOperation({
    summary:
      'Record the yearly rating (ASM-1), once per year; not for the exempted or newly admitted (ASM-4)',
  })
  @ApiCreatedResponse({ type: CommandResult })
  assess(
    @Param('id', id) memberId: string,
    @Body() body: dto.AssessMemberDto,
    @Meta() meta: CommandMeta,
  ): Promise<CommandResult> {
    return this.commands.execute(new AssessMemberCommand(memberId, body, meta));
  }

  @Post(':id/party-card')
  @ApiOperation({ summary: 'Issue a party card, to official members only (AGE-7)' })
  @ApiCreatedResponse({ type: CommandResult })
  issueCard(
    @Param('id', id) memberId: string,
    @Body() body: dto.IssuePartyCardDto,
    @Meta() meta: CommandMeta,
  ): Promise<CommandResult> {
    return this.commands.execute(new IssuePartyCardCommand(memberId, body, meta));
  }

  @Post(':id/badges')
  @ApiOperation({ summary: 'Award a party badge due by party age (AGE-5); none while disciplined (DIS-12)' })
  @ApiCreatedResponse({ type: CommandResult })
  awardBadge(
    @Param('id', id) memberId: string,
    @Body() body: dto.AwardBadgeDto,
    @Meta() meta: CommandMeta,
  ): Promise<CommandResult> {
    return this.commands.execute(new AwardBadgeCommand(memberId, body, meta));
  }

  @Post(':id/profile')
  @ApiOperation({
    summary: 'Update education, political theory or post; a body that changes nothing appends nothing',
  })
  @ApiCreatedResponse({ type: CommandResult })
  updateProfile(
    @Param('id', id) memberId: string,
    @Body() body: dto.UpdateProfileDto,
    @Meta() meta: CommandMeta,
  ): Promise<CommandResult> {
    return this.commands.execute(new UpdateProfileCommand(memberId, body, meta));
  }
}
