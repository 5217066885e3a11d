import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsCalendarDate } from './validators';

export class AsOfQuery {
  @ApiPropertyOptional({
    description: 'the world on that date (valid time); default today',
    example: '2024-03-31',
  })
  @IsOptional()
  @IsCalendarDate()
  asOf?: string;
}
