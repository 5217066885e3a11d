import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Clock, CLOCK } from '../commands/clock';
import { InvalidInputException } from '../http/invalid-input.exception';
import { uuidParam } from '../http/uuid-param';
import { ProjectionsService } from './projections.service';
import {
  CasesQueryDto,
  FlowItemsQueryDto,
  FlowsQueryDto,
  PointQuery,
  RatingsQueryDto,
  RosterQueryDto,
} from './query.dtos';

/** Point-in-time questions over an organization subtree (SEMANTICS.md), answered from the read models. */
@ApiTags('statistics')
@Controller('api')
export class PointInTimeController {
  constructor(
    private readonly projections: ProjectionsService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get('organizations/:id/counts')
  @ApiOperation({
    summary:
      'Members (probationary, official, exempted) and sub-organizations by kind over the subtree on a date',
  })
  async counts(@Param('id', uuidParam()) id: string, @Query() q: PointQuery) {
    return (await this.projections.ready()).counts({
      organizationId: id,
      asOf: q.asOf ?? this.clock.today(),
      knownAt: q.knownAt,
    });
  }

  @Get('organizations/:id/roster')
  @ApiOperation({ summary: 'The members of the subtree on a date, with their cell; paged, ordered by name' })
  async roster(@Param('id', uuidParam()) id: string, @Query() q: RosterQueryDto) {
    return (await this.projections.ready()).roster({
      organizationId: id,
      asOf: q.asOf ?? this.clock.today(),
      knownAt: q.knownAt,
      status: q.status,
      offset: q.offset ?? 0,
      limit: q.limit ?? 50,
    });
  }

  @Get('stats/flows')
  @ApiOperation({
    summary:
      'Admitted, made official, transferred, removed, died, disciplined … over a period (from and to inclusive)',
  })
  async flows(@Query() q: FlowsQueryDto) {
    period(q);
    return (await this.projections.ready()).flows(q);
  }

  @Get('stats/flows/items')
  @ApiOperation({
    summary: 'The member events behind one figure of the flows: who, which event, which decision',
  })
  async flowItems(@Query() q: FlowItemsQueryDto) {
    period(q);
    return (await this.projections.ready()).flowItems(q);
  }

  @Get('discipline-cases')
  @ApiOperation({
    summary:
      'Discipline cases opened in a period about members or organizations of the subtree, with their status and form on `to`',
  })
  async cases(@Query() q: CasesQueryDto) {
    period(q);
    return (await this.projections.ready()).cases(q);
  }

  @Get('stats/meetings')
  @ApiOperation({
    summary:
      'Cells meeting every month (MTG-1), thematic meetings every quarter (MTG-2), attendance (MTG-5) over a period',
  })
  async meetings(@Query() q: FlowsQueryDto) {
    period(q);
    return (await this.projections.ready()).meetings(q);
  }

  @Get('stats/ratings')
  @ApiOperation({
    summary:
      'Ratings of a year for members and organizations of the subtree, with shares and the ASM-3 quota',
  })
  async ratings(@Query() q: RatingsQueryDto) {
    return (await this.projections.ready()).ratings(q);
  }
}

const period = (q: { from: string; to: string }) => {
  if (q.from > q.to)
    throw new InvalidInputException([{ field: 'to', messages: ['to must not be before from'] }]);
};
