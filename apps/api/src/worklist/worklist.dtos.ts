import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { PointQuery } from '../projections/query.dtos';

export class WorklistQueryDto extends PointQuery {
  @ApiPropertyOptional({
    default: 12,
    minimum: 0,
    maximum: 120,
    description:
      'AGE-5: list the badges reached by asOf plus this many months (and those reached earlier, not yet awarded)',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(120)
  badgeHorizonMonths?: number;
}
