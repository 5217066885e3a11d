import { Module } from '@nestjs/common';
import { CommandsModule } from '../commands/commands.module';
import { PointInTimeController } from './point-in-time.controller';
import { ProjectionsService } from './projections.service';

@Module({
  imports: [CommandsModule],
  controllers: [PointInTimeController],
  providers: [ProjectionsService],
  exports: [ProjectionsService],
})
export class ProjectionsModule {}
