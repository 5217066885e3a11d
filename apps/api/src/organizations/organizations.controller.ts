import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CommandMeta, Meta } from '../commands/command-meta';
import { CommandResult } from '../commands/command-result';
import { AppointCommitteeMemberCommand } from './appoint-committee-member.handler';
import { AssessOrganizationCommand } from './assess-organization.handler';
import { DissolveOrganizationCommand } from './dissolve-organization.handler';
import { EstablishOrganizationCommand } from './establish-organization.handler';
import { MergeOrganizationCommand } from './merge-organization.handler';
import { MoveOrganizationCommand } from './move-organization.handler';
import * as dto from './organization.dtos';
import { AsOfQuery } from '../http/query.dtos';
import { uuidParam } from '../http/uuid-param';
import { StreamQueries } from '../queries/stream-queries';
import { evolveOrganization, initialOrganizationState, organizationStream } from '@ledger/domain';
import { showingRatingsByYear } from '../http/ratings-by-year';
import { RecordMeetingCommand } from './record-meeting.handler';
import { RenameOrganizationCommand } from './rename-organization.handler';
import { SetAdmissionTargetCommand } from './set-admission-target.handler';

const id = uuidParam();

@ApiTags('organizations')
@ApiHeader({
  name: 'Idempotency-Key',
  required: false,
  description: 'the same key and body returns the first answer',
})
@ApiHeader({
  name: 'If-Match',
  required: false,
  description: 'expected stream version; 412 when it has moved',
})
@ApiHeader({
  name: 'X-Actor',
  required: false,
  description: 'who records the decision (kept in the event metadata)',
})
@Controller('api/organizations')
export class OrganizationsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: StreamQueries,
  ) {}

  @Post()
  @ApiOperation({
    summary:
      'Establish an organization (ORG-1 kinds under their parents; ORG-6 no district level from 2025-07-01)',
  })
  @ApiCreatedResponse({ type: CommandResult })
  establish(@Body() body: dto.EstablishOrganizationDto, @Meta() meta: CommandMeta): Promise<CommandResult> {
    return this.commands.execute(new EstablishOrganizationCommand(body, meta));
  }

  @Post(':id/renaming')
  @ApiOperation({ summary: 'Rename an organization' })
  @ApiCreatedResponse({ type: CommandResult })
  rename(@Param('id', id) orgId: string, @Body() body: dto.RenameOrganizationDto, @Meta() meta: CommandMeta) {
    return this.commands.execute(new RenameOrganizationCommand(orgId, body, meta));
  }

  @Post(':id/moves')
  @ApiOperation({ summary: 'Move an organization under another parent' })
  @ApiCreatedResponse({ type: CommandResult })
  move(@Param('id', id) orgId: string, @Body() body: dto.MoveOrganizationDto, @Meta() meta: CommandMeta) {
    return this.commands.execute(new MoveOrganizationCommand(orgId, body, meta));
  }

  @Post(':id/mergers')
  @ApiOperation({
    summary:
      'Merge an organization into another: its sub-organizations (or, for a cell, its members) move with it, atomically',
  })
  @ApiCreatedResponse({ type: CommandResult })
  merge(@Param('id', id) orgId: string, @Body() body: dto.MergeOrganizationDto, @Meta() meta: CommandMeta) {
    return this.commands.execute(new MergeOrganizationCommand(orgId, body, meta));
  }

  @Post(':id/dissolution')
  @ApiOperation({
    summary: 'Dissolve an organization (refused while it has active members or sub-organizations)',
  })
  @ApiCreatedResponse({ type: CommandResult })
  dissolve(
    @Param('id', id) orgId: string,
    @Body() body: dto.DissolveOrganizationDto,
    @Meta() meta: CommandMeta,
  ) {
    return this.commands.execute(new DissolveOrganizationCommand(orgId, body, meta));
  }

  @Post(':id/assessments')
  @ApiOperation({ summary: 'Record the yearly rating of an organization (ASM-1, ASM-4)' })
  @ApiCreatedResponse({ type: CommandResult })
  assess(@Param('id', id) orgId: string, @Body() body: dto.AssessOrganizationDto, @Meta() meta: CommandMeta) {
    return this.commands.execute(new AssessOrganizationCommand(orgId, body, meta));
  }

  @Post(':id/meetings')
  @ApiOperation({ summary: 'Record a meeting held (regular or thematic, expected and present)' })
  @ApiCreatedResponse({ type: CommandResult })
  meeting(@Param('id', id) orgId: string, @Body() body: dto.RecordMeetingDto, @Meta() meta: CommandMeta) {
    return this.commands.execute(new RecordMeetingCommand(orgId, body, meta));
  }

  @Post(':id/admission-targets')
  @ApiOperation({ summary: 'Set the admission target for a year' })
  @ApiCreatedResponse({ type: CommandResult })
  target(@Param('id', id) orgId: string, @Body() body: dto.SetAdmissionTargetDto, @Meta() meta: CommandMeta) {
    return this.commands.execute(new SetAdmissionTargetCommand(orgId, body, meta));
  }

  @Post(':id/committee-appointments')
  @ApiOperation({ summary: 'Appoint a member to the committee (ORG-4, ORG-9)' })
  @ApiCreatedResponse({ type: CommandResult })
  appoint(
    @Param('id', id) orgId: string,
    @Body() body: dto.AppointCommitteeMemberDto,
    @Meta() meta: CommandMeta,
  ) {
    return this.commands.execute(new AppointCommitteeMemberCommand(orgId, body, meta));
  }

  @Get(':id')
  @ApiOperation({ summary: 'The organization as its stream says (now, or as of a date)' })
  async get(@Param('id', id) orgId: string, @Query() query: AsOfQuery) {
    const { state, version } = await this.queries.stateAsOf(
      'organization',
      orgId,
      organizationStream(orgId),
      evolveOrganization,
      initialOrganizationState,
      query.asOf,
    );
    return { ...showingRatingsByYear(state), version };
  }

  @Get(':id/history')
  @ApiOperation({ summary: 'Every event of the organization, with both dates, decision numbers and actor' })
  history(@Param('id', id) orgId: string) {
    return this.queries.history('organization', orgId, organizationStream(orgId));
  }
}
