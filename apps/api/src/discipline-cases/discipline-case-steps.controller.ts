import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CommandMeta, Meta } from '../commands/command-meta';
import { CommandResult } from '../commands/command-result';
import { uuidParam } from '../http/uuid-param';
import { CommandHeaders } from '../members/command-headers';
import { AppealDisciplineCommand } from './appeal-discipline.handler';
import { CloseCaseCommand } from './close-case.handler';
import { DecideDisciplineCommand } from './decide-discipline.handler';
import * as decision from './decision.dtos';
import { DeferDisciplineCommand } from './defer-discipline.handler';
import { EndDeferralCommand } from './end-deferral.handler';
import { ProposeDisciplineCommand } from './propose-discipline.handler';
import { RecordFindingsCommand } from './record-findings.handler';
import { ResolveAppealCommand } from './resolve-appeal.handler';
import * as step from './step.dtos';

const id = uuidParam();

/** The steps of an open case (kiểm tra, kỷ luật, khiếu nại): findings to closure. */
@ApiTags('discipline cases')
@CommandHeaders()
@Controller('api/discipline-cases/:id')
export class DisciplineCaseStepsController {
  constructor(private readonly commands: CommandBus) {}

  @Post('findings')
  @ApiOperation({ summary: 'Record the findings (kết luận) of an open case' })
  @ApiCreatedResponse({ type: CommandResult })
  findings(@Param('id', id) caseId: string, @Body() body: step.RecordFindingsDto, @Meta() meta: CommandMeta) {
    return this.commands.execute<RecordFindingsCommand, CommandResult>(
      new RecordFindingsCommand(caseId, body, meta),
    );
  }

  @Post('proposal')
  @ApiOperation({
    summary: 'Propose a form to the body that may decide it (DIS-5: 2/3 to propose expulsion)',
  })
  @ApiCreatedResponse({ type: CommandResult })
  propose(
    @Param('id', id) caseId: string,
    @Body() body: step.ProposeDisciplineDto,
    @Meta() meta: CommandMeta,
  ) {
    return this.commands.execute<ProposeDisciplineCommand, CommandResult>(
      new ProposeDisciplineCommand(caseId, body, meta),
    );
  }

  @Post('deferral')
  @ApiOperation({ summary: "Defer a member's case (DIS-7); the time does not run against limitation" })
  @ApiCreatedResponse({ type: CommandResult })
  defer(@Param('id', id) caseId: string, @Body() body: step.DeferDisciplineDto, @Meta() meta: CommandMeta) {
    return this.commands.execute<DeferDisciplineCommand, CommandResult>(
      new DeferDisciplineCommand(caseId, body, meta),
    );
  }

  @Post('deferral-end')
  @ApiOperation({ summary: 'End the deferral (DIS-7)' })
  @ApiCreatedResponse({ type: CommandResult })
  endDeferral(@Param('id', id) caseId: string, @Body() body: step.EndDeferralDto, @Meta() meta: CommandMeta) {
    return this.commands.execute<EndDeferralCommand, CommandResult>(
      new EndDeferralCommand(caseId, body, meta),
    );
  }

  @Post('decision')
  @ApiOperation({
    summary:
      'Decide the form (DIS-1 forms, DIS-2..4 authority, DIS-5 votes, then DIS-8/9 limitation); a member gets MemberDisciplined (and MemberExpelled) in the same append',
  })
  @ApiCreatedResponse({ type: CommandResult })
  decide(
    @Param('id', id) caseId: string,
    @Body() body: decision.DecideDisciplineDto,
    @Meta() meta: CommandMeta,
  ) {
    return this.commands.execute<DecideDisciplineCommand, CommandResult>(
      new DecideDisciplineCommand(caseId, body, meta),
    );
  }

  @Post('appeal')
  @ApiOperation({ summary: 'Appeal the decision within 30 days of receiving it (APP-1, APP-2)' })
  @ApiCreatedResponse({ type: CommandResult })
  appeal(
    @Param('id', id) caseId: string,
    @Body() body: decision.AppealDisciplineDto,
    @Meta() meta: CommandMeta,
  ) {
    return this.commands.execute<AppealDisciplineCommand, CommandResult>(
      new AppealDisciplineCommand(caseId, body, meta),
    );
  }

  @Post('appeal-resolution')
  @ApiOperation({
    summary:
      "Rule on the appeal: upheld, reduced, increased or annulled; a member's changed form is amended in the same append (DIS-15)",
  })
  @ApiCreatedResponse({ type: CommandResult })
  resolveAppeal(
    @Param('id', id) caseId: string,
    @Body() body: decision.ResolveAppealDto,
    @Meta() meta: CommandMeta,
  ) {
    return this.commands.execute<ResolveAppealCommand, CommandResult>(
      new ResolveAppealCommand(caseId, body, meta),
    );
  }

  @Post('closure')
  @ApiOperation({
    summary: 'Close the case: no_violation, dropped, time_barred (DIS-8/9, naming the form voted) or decided',
  })
  @ApiCreatedResponse({ type: CommandResult })
  close(@Param('id', id) caseId: string, @Body() body: decision.CloseCaseDto, @Meta() meta: CommandMeta) {
    return this.commands.execute<CloseCaseCommand, CommandResult>(new CloseCaseCommand(caseId, body, meta));
  }
}
