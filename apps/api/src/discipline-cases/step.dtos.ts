import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import { DEFERRAL_REASONS, DISCIPLINE_FORMS, DeferralReason, DisciplineForm } from '@ledger/domain';
import { EffectiveDate, Text } from '../members/member-fields';
import { OrganizationOfBody, VotesDto } from './case-fields';

/** FindingsRecorded: the conclusion (kết luận) of an inspection; several may be recorded. */
export class RecordFindingsDto {
  @Text(
    'Đảng viên đã vi phạm quy định về những điều đảng viên không được làm; mức độ: cảnh cáo',
    4000,
    'what the inspection concluded',
  )
  findings!: string;

  @OrganizationOfBody(
    'a1b2c3d4-0000-4000-8000-000000000003',
    'the organization whose body (usually its inspection committee) concluded',
  )
  recordedBy!: string;

  @ApiPropertyOptional({ description: 'the breach warrants expulsion: no limitation runs (DIS-8)' })
  @IsOptional()
  @IsBoolean()
  expulsionLevel?: boolean;

  @EffectiveDate('2023-02-01', 'the date of the conclusion')
  effectiveDate!: string;
}

/** DisciplineProposed: a body without the power to decide proposes a form to the one that has it (DIS-5). */
export class ProposeDisciplineDto extends VotesDto {
  @ApiProperty({ enum: DISCIPLINE_FORMS, example: 'warning' })
  @IsIn(DISCIPLINE_FORMS)
  form!: DisciplineForm;

  @OrganizationOfBody('a1b2c3d4-0000-4000-8000-000000000004', 'the organization whose body proposes')
  proposedBy!: string;

  @EffectiveDate('2023-02-10')
  effectiveDate!: string;
}

/** DisciplineDeferred (DIS-7): the time deferred does not run against limitation. */
export class DeferDisciplineDto {
  @ApiProperty({ enum: DEFERRAL_REASONS, example: 'maternity_leave' })
  @IsIn(DEFERRAL_REASONS)
  reason!: DeferralReason;

  @EffectiveDate('2023-02-15')
  effectiveDate!: string;
}

/** DeferralEnded (DIS-7): the ground has gone; limitation runs again. */
export class EndDeferralDto {
  @EffectiveDate('2023-08-15')
  effectiveDate!: string;
}
