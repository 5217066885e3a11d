import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { COMMITTEE_ROLES, MEETING_KINDS, ORGANIZATION_KINDS, ORGANIZATION_RATINGS } from '@ledger/domain';
import { IsCalendarDate, NormalizedText } from '../http/validators';

export class EstablishOrganizationDto {
  @ApiPropertyOptional({
    description: 'uuid; generated when absent',
    example: 'a1b2c3d4-0000-4000-8000-000000000001',
  })
  @IsOptional()
  @IsUUID()
  id?: string;

  @ApiProperty({ example: 'Đảng bộ xã Thanh Ba' })
  @NormalizedText()
  @IsString()
  @Length(1, 300)
  name!: string;

  @ApiProperty({ enum: ORGANIZATION_KINDS, example: 'base_committee' })
  @IsIn(ORGANIZATION_KINDS)
  kind!: (typeof ORGANIZATION_KINDS)[number];

  @ApiPropertyOptional({
    description: 'absent only for a provincial committee',
    example: 'a1b2c3d4-0000-4000-8000-000000000000',
  })
  @IsOptional()
  @IsUUID()
  parentId?: string;

  @ApiProperty({ example: '2025-07-01' })
  @IsCalendarDate()
  effectiveDate!: string;

  @ApiPropertyOptional({ example: '1234-QĐ/TU' })
  @IsOptional()
  @NormalizedText()
  @IsString()
  @Length(1, 100)
  decisionRef?: string;
}

class DecisionDto {
  @ApiProperty({ example: '2025-07-01' })
  @IsCalendarDate()
  effectiveDate!: string;

  @ApiPropertyOptional({ example: '1234-QĐ/TU' })
  @IsOptional()
  @NormalizedText()
  @IsString()
  @Length(1, 100)
  decisionRef?: string;
}

export class RenameOrganizationDto extends DecisionDto {
  @ApiProperty({ example: 'Đảng bộ phường Thanh Miếu' })
  @NormalizedText()
  @IsString()
  @Length(1, 300)
  name!: string;
}

export class MoveOrganizationDto extends DecisionDto {
  @ApiProperty({ example: 'a1b2c3d4-0000-4000-8000-000000000000' })
  @IsUUID()
  newParentId!: string;
}

export class MergeOrganizationDto extends DecisionDto {
  @ApiProperty({
    description: 'the organization this one is merged into',
    example: 'a1b2c3d4-0000-4000-8000-000000000002',
  })
  @IsUUID()
  intoId!: string;
}

export class DissolveOrganizationDto extends DecisionDto {}

export class AssessOrganizationDto {
  @ApiProperty({ example: 2024 })
  @IsInt()
  @Min(1930)
  @Max(2200)
  year!: number;

  @ApiProperty({ enum: ORGANIZATION_RATINGS, example: 'good' })
  @IsIn(ORGANIZATION_RATINGS)
  rating!: (typeof ORGANIZATION_RATINGS)[number];

  @ApiPropertyOptional({ description: 'default: 31 December of the year', example: '2024-12-31' })
  @IsOptional()
  @IsCalendarDate()
  effectiveDate?: string;
}

export class RecordMeetingDto {
  @ApiProperty({ enum: MEETING_KINDS, example: 'regular' })
  @IsIn(MEETING_KINDS)
  meetingKind!: (typeof MEETING_KINDS)[number];

  @ApiProperty({ example: '2025-03-05' })
  @IsCalendarDate()
  heldOn!: string;

  @ApiProperty({ description: 'members summoned (MTG-4 denominator)', example: 24 })
  @IsInt()
  @Min(0)
  expected!: number;

  @ApiProperty({ example: 22 })
  @IsInt()
  @Min(0)
  present!: number;
}

export class SetAdmissionTargetDto {
  @ApiProperty({ example: 2025 })
  @IsInt()
  @Min(1930)
  @Max(2200)
  year!: number;

  @ApiProperty({ example: 40 })
  @IsInt()
  @Min(0)
  target!: number;

  @ApiProperty({ example: '2025-01-15' })
  @IsCalendarDate()
  effectiveDate!: string;
}

export class AppointCommitteeMemberDto extends DecisionDto {
  @ApiProperty({ example: 'b1b2c3d4-0000-4000-8000-000000000010' })
  @IsUUID()
  memberId!: string;

  @ApiProperty({ enum: COMMITTEE_ROLES, example: 'secretary' })
  @IsIn(COMMITTEE_ROLES)
  role!: (typeof COMMITTEE_ROLES)[number];
}
