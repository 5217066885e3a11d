import { Body, Controller, Get, Inject, Param, Post, Query } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Clock, CLOCK } from '../commands/clock';
import { CommandMeta, Meta } from '../commands/command-meta';
import { CommandResult } from '../commands/command-result';
import { AsOfQuery } from '../http/query.dtos';
import { uuidParam } from '../http/uuid-param';
import { CommandHeaders } from '../members/command-headers';
import { CaseQueries } from './case-queries';
import { OpenDisciplineCaseCommand } from './open-case.handler';
import { OpenDisciplineCaseDto } from './opening.dtos';

const id = uuidParam();

/** Opening a discipline case, and reading one back: its state on a date and its trace. */
@ApiTags('discipline cases')
@CommandHeaders()
@Controller('api/discipline-cases')
export class DisciplineCasesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: CaseQueries,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post()
  @ApiOperation({
    summary:
      'Open a case against a member (probationary or official; the dead only for especially serious breaches, REM-5) or an organization (DIS-10: also one merged or dissolved since)',
  })
  @ApiCreatedResponse({ type: CommandResult })
  open(@Body() body: OpenDisciplineCaseDto, @Meta() meta: CommandMeta): Promise<CommandResult> {
    return this.commands.execute(new OpenDisciplineCaseCommand(body, meta));
  }

  @Get(':id')
  @ApiOperation({
    summary:
      'The case as of a date (default today), with the form in force then: a decision lapses 12 months after its announcement by time alone, no event recorded (DIS-11)',
  })
  get(@Param('id', id) caseId: string, @Query() query: AsOfQuery) {
    return this.queries.state(caseId, query.asOf ?? this.clock.today());
  }

  @Get(':id/trace')
  @ApiOperation({
    summary:
      'The case end to end: its events and the member events they caused, in log order, with both dates, decision numbers, deciding bodies and actors',
  })
  trace(@Param('id', id) caseId: string) {
    return this.queries.trace(caseId);
  }
}
