import { ApiPropertyOptional, ApiProperty } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';
import { FLOW_KINDS } from '@ledger/projections';
import { IsCalendarDate } from '../http/validators';

export class KnownAtQuery {
  @ApiPropertyOptional({
    description: "what the ledger had recorded by that instant (the auditor's question); default now",
    example: '2024-04-01T00:00:00Z',
  })
  @IsOptional()
  @Matches(/(Z|[+-]\d{2}:\d{2})$/, {
    message: 'knownAt must carry its offset (Z or ±hh:mm): an instant, not a local time',
  })
  @IsISO8601({ strict: true }, { message: 'knownAt must be an ISO 8601 instant, e.g. 2024-04-01T00:00:00Z' })
  // Compared as an instant everywhere (SQL and the oracle alike): normalized to UTC once, here.
  // (class-transformer runs before validation: only a value that carries its offset is normalized.)
  @Transform(({ value }) =>
    typeof value === 'string' && /(Z|[+-]\d{2}:\d{2})$/.test(value) && !Number.isNaN(Date.parse(value))
      ? new Date(value).toISOString()
      : value,
  )
  knownAt?: string;
}

export class PointQuery extends KnownAtQuery {
  @ApiPropertyOptional({
    description: 'the world on that date (valid time); default today',
    example: '2024-03-31',
  })
  @IsOptional()
  @IsCalendarDate()
  asOf?: string;
}

export class RosterQueryDto extends PointQuery {
  @ApiPropertyOptional({ enum: ['probationary', 'official'] })
  @IsOptional()
  @IsIn(['probationary', 'official'])
  status?: 'probationary' | 'official';

  @ApiPropertyOptional({ default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset?: number;

  @ApiPropertyOptional({ default: 50, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}

export class FlowsQueryDto extends KnownAtQuery {
  @ApiProperty({ example: 'a1b2c3d4-0000-4000-8000-000000000001' })
  @IsUUID()
  organizationId!: string;

  @ApiProperty({ description: 'first effective date, inclusive', example: '2021-06-01' })
  @IsCalendarDate()
  from!: string;

  @ApiProperty({ description: 'last effective date, inclusive', example: '2024-03-31' })
  @IsCalendarDate()
  to!: string;
}

export class FlowItemsQueryDto extends FlowsQueryDto {
  @ApiProperty({ enum: [...FLOW_KINDS, 'disciplined'], example: 'admitted' })
  @IsIn([...FLOW_KINDS, 'disciplined'])
  kind!: (typeof FLOW_KINDS)[number] | 'disciplined';
}

export class RatingsQueryDto extends KnownAtQuery {
  @ApiProperty({ example: 'a1b2c3d4-0000-4000-8000-000000000001' })
  @IsUUID()
  organizationId!: string;

  @ApiProperty({ example: 2024 })
  @Type(() => Number)
  @IsInt()
  @Min(1930)
  @Max(2200)
  year!: number;

  @ApiPropertyOptional({
    enum: ['good', 'goodOrBetter'],
    description: 'ASM-3 quota denominator; default goodOrBetter',
  })
  @IsOptional()
  @IsIn(['good', 'goodOrBetter'])
  quotaDenominator?: 'good' | 'goodOrBetter';
}

export class CasesQueryDto extends FlowsQueryDto {
  @ApiPropertyOptional({
    enum: ['open', 'decided', 'appealed', 'closed'],
    description: 'status of the case on `to`',
  })
  @IsOptional()
  @IsIn(['open', 'decided', 'appealed', 'closed'])
  status?: 'open' | 'decided' | 'appealed' | 'closed';
}
