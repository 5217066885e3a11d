import { Body, Controller, Get, Inject, Param, Post, Query } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { badgesDue, evolveMember, initialMemberState, memberStream, partyAge } from '@ledger/domain';
import { showingRatingsByYear } from '../http/ratings-by-year';
import { Clock, CLOCK } from '../commands/clock';
import { CommandMeta, Meta } from '../commands/command-meta';
import { CommandResult } from '../commands/command-result';
import { AsOfQuery } from '../http/query.dtos';
import { uuidParam } from '../http/uuid-param';
import { StreamQueries } from '../queries/stream-queries';
import { CommandHeaders } from './command-headers';
import { NominateCandidateCommand } from './nominate-candidate.handler';
import { RegisterExistingMemberCommand } from './register-existing-member.handler';
import { NominateCandidateDto, RegisterExistingMemberDto } from './registration.dtos';

const id = uuidParam();

/** Opening a member stream, and reading one back. The lifecycle steps have controllers of their own. */
@ApiTags('members')
@CommandHeaders()
@Controller('api/members')
export class MembersController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: StreamQueries,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Nominate a candidate for admission (quần chúng ưu tú), in an active cell' })
  @ApiCreatedResponse({ type: CommandResult })
  nominate(@Body() body: NominateCandidateDto, @Meta() meta: CommandMeta): Promise<CommandResult> {
    return this.commands.execute(new NominateCandidateCommand(body, meta));
  }

  @Post('existing')
  @ApiOperation({
    summary: 'Register a member admitted before the ledger began, from paper records (AGE-2, PRB-1)',
  })
  @ApiCreatedResponse({ type: CommandResult })
  registerExisting(
    @Body() body: RegisterExistingMemberDto,
    @Meta() meta: CommandMeta,
  ): Promise<CommandResult> {
    return this.commands.execute(new RegisterExistingMemberCommand(body, meta));
  }

  @Get(':id')
  @ApiOperation({
    summary:
      'The member as the stream says (now, or as of a date), with party age (AGE-1) and the badges due (AGE-5) on that date',
  })
  async get(@Param('id', id) memberId: string, @Query() query: AsOfQuery) {
    const { state, version } = await this.queries.stateAsOf(
      'member',
      memberId,
      memberStream(memberId),
      evolveMember,
      initialMemberState,
      query.asOf,
    );
    const on = query.asOf ?? this.clock.today();
    return {
      ...showingRatingsByYear(state),
      version,
      asOf: on,
      partyAge: partyAge(state, on) ?? null,
      badgesDue: badgesDue(state, on),
    };
  }

  @Get(':id/history')
  @ApiOperation({ summary: 'Every event of the member, with both dates, decision numbers and actor' })
  history(@Param('id', id) memberId: string) {
    return this.queries.history('member', memberId, memberStream(memberId));
  }
}
