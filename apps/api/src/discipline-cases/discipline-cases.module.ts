import { Module } from '@nestjs/common';
import { CommandsModule } from '../commands/commands.module';
import { AppealDisciplineHandler } from './appeal-discipline.handler';
import { CaseQueries } from './case-queries';
import { CaseSubjects } from './case-subjects';
import { CloseCaseHandler } from './close-case.handler';
import { DecideDisciplineHandler } from './decide-discipline.handler';
import { DeferDisciplineHandler } from './defer-discipline.handler';
import { DisciplineCaseStepsController } from './discipline-case-steps.controller';
import { DisciplineCasesController } from './discipline-cases.controller';
import { EndDeferralHandler } from './end-deferral.handler';
import { OpenDisciplineCaseHandler } from './open-case.handler';
import { ProposeDisciplineHandler } from './propose-discipline.handler';
import { RecordFindingsHandler } from './record-findings.handler';
import { ResolveAppealHandler } from './resolve-appeal.handler';

const handlers = [
  OpenDisciplineCaseHandler,
  RecordFindingsHandler,
  ProposeDisciplineHandler,
  DeferDisciplineHandler,
  EndDeferralHandler,
  DecideDisciplineHandler,
  AppealDisciplineHandler,
  ResolveAppealHandler,
  CloseCaseHandler,
];

@Module({
  imports: [CommandsModule],
  controllers: [DisciplineCasesController, DisciplineCaseStepsController],
  providers: [...handlers, CaseSubjects, CaseQueries],
})
export class DisciplineCasesModule {}
