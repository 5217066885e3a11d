import { Module } from '@nestjs/common';
import { CommandsModule } from '../commands/commands.module';
import { ProjectionsModule } from '../projections/projections.module';
import { WorklistController } from './worklist.controller';
import { WorklistService } from './worklist.service';

@Module({
  imports: [CommandsModule, ProjectionsModule],
  controllers: [WorklistController],
  providers: [WorklistService],
})
export class WorklistModule {}
