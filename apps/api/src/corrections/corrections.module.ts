import { Module } from '@nestjs/common';
import { CommandsModule } from '../commands/commands.module';
import { CorrectRecordHandler } from './correct-record.handler';
import { CorrectionsController } from './corrections.controller';

@Module({
  imports: [CommandsModule],
  controllers: [CorrectionsController],
  providers: [CorrectRecordHandler],
})
export class CorrectionsModule {}
