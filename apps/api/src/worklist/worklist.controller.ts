import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Clock, CLOCK } from '../commands/clock';
import { uuidParam } from '../http/uuid-param';
import { WorklistQueryDto } from './worklist.dtos';
import { WorklistAnswer, WorklistService } from './worklist.service';

/** What the committees of an organization's subtree owe a decision on, on a date. */
@ApiTags('statistics')
@Controller('api')
export class WorklistController {
  constructor(
    private readonly worklists: WorklistService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get('organizations/:id/worklist')
  @ApiOperation({
    summary:
      'Probationers past their 12 months without a decision (PRB-1, PRB-3), official transfers not presented ' +
      'within 30 working days (TRF-4), badges coming due (AGE-5); each list ordered by date, then memberId',
  })
  worklist(@Param('id', uuidParam()) id: string, @Query() q: WorklistQueryDto): Promise<WorklistAnswer> {
    return this.worklists.worklist({
      organizationId: id,
      asOf: q.asOf ?? this.clock.today(),
      knownAt: q.knownAt,
      badgeHorizonMonths: q.badgeHorizonMonths ?? 12,
    });
  }
}
