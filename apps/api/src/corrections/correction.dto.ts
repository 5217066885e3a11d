import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsObject, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { IsCalendarDate, NormalizedText } from '../http/validators';

export class CorrectRecordDto {
  @ApiProperty({
    description: 'the event to correct or retract (eventId from a /history)',
    example: '6f1c2b9e-4a8d-4f3e-9b7a-1c2d3e4f5a6b',
  })
  @IsUUID()
  eventId!: string;

  @ApiPropertyOptional({ description: 'the effective date it should have had', example: '2021-06-15' })
  @IsOptional()
  @IsCalendarDate()
  effectiveDate?: string;

  @ApiPropertyOptional({
    description: "fields of the event's data to correct",
    example: { cellId: 'b7e4c1d2-0000-4000-8000-000000000020' },
  })
  @IsOptional()
  @IsObject()
  changes?: Record<string, unknown>;

  @ApiPropertyOptional({ description: 'retract the event altogether (recorded by mistake)', example: false })
  @IsOptional()
  @IsBoolean()
  retract?: boolean;

  @ApiProperty({
    description: 'why: kept with the correction for auditors',
    example: 'Ngày kết nạp ghi nhầm: theo Quyết định 45-QĐ/ĐU là 15/6/2021',
  })
  @NormalizedText()
  @IsString()
  @Length(1, 1000)
  reason!: string;
}
