import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, Max, Min, ValidateIf } from 'class-validator';
import {
  BADGE_LEVELS,
  EXEMPTION_REASONS,
  ExemptionReason,
  MEMBER_RATINGS,
  MemberRating,
} from '@ledger/domain';
import { NormalizedText } from '../http/validators';
import { EffectiveDate, OptionalDate, OptionalDecisionRef, Text } from './member-fields';

/** Miễn công tác và sinh hoạt đảng, decided by the cell's resolution (EXM-1, EXM-2). */
export class ExemptMemberDto {
  @ApiProperty({ enum: EXEMPTION_REASONS, example: 'old_or_weak' })
  @IsIn(EXEMPTION_REASONS)
  reason!: ExemptionReason;

  @OptionalDate('2025-12-31', 'last day exempted; required for every reason but old_or_weak (EXM-2)')
  until?: string;

  @EffectiveDate('2025-01-15')
  effectiveDate!: string;
}

/** EXM-2: the cell decides the member's return to work and activities. */
export class EndExemptionDto {
  @EffectiveDate('2025-06-01')
  effectiveDate!: string;
}

/** The yearly review (kiểm điểm, xếp loại chất lượng). */
export class AssessMemberDto {
  @ApiProperty({ example: 2024 })
  @IsInt()
  @Min(1930)
  @Max(2200)
  year!: number;

  @ApiProperty({
    enum: MEMBER_RATINGS,
    description:
      'ASM-1: hoàn thành xuất sắc / tốt / hoàn thành / không hoàn thành nhiệm vụ (excellent … not_completed)',
    example: 'good',
  })
  @IsIn(MEMBER_RATINGS)
  rating!: MemberRating;

  @OptionalDate(
    '2024-12-31',
    'when the rating was decided; default 31 December of the year, or today if earlier',
  )
  effectiveDate?: string;
}

/** Thẻ đảng viên (AGE-7): only for official members. */
export class IssuePartyCardDto {
  @Text('36.072541', 50)
  cardNumber!: string;

  @EffectiveDate('2024-07-01')
  effectiveDate!: string;
}

/** Huy hiệu Đảng (AGE-5), decided by the provincial standing committee (AGE-6). */
export class AwardBadgeDto {
  @ApiProperty({ enum: BADGE_LEVELS, description: 'the badge level, in years of party age', example: 30 })
  @IsIn(BADGE_LEVELS)
  years!: number;

  @EffectiveDate('2025-09-02', 'the award date (batches on 3/2, 19/5, 2/9, 7/11, AGE-6)')
  effectiveDate!: string;

  @OptionalDecisionRef('1520-QĐ/TU')
  decisionRef?: string;

  @ApiPropertyOptional({ description: 'AGE-5: up to 12 (30–65 years) or 24 (70–90) months early' })
  @IsOptional()
  @IsBoolean()
  seriouslyIll?: boolean;
}

/** The file's education, political-theory level and post. A body that changes nothing appends nothing. */
export class UpdateProfileDto {
  @ApiPropertyOptional({ description: 'general education', example: '12/12' })
  @ValidateIf((o: UpdateProfileDto) => o.education !== undefined)
  @NormalizedText()
  @IsString()
  @Length(1, 200)
  education?: string;

  @ApiPropertyOptional({ description: 'political-theory level (lý luận chính trị)', example: 'Trung cấp' })
  @ValidateIf((o: UpdateProfileDto) => o.politicalTheory !== undefined)
  @NormalizedText()
  @IsString()
  @Length(1, 200)
  politicalTheory?: string;

  @ApiPropertyOptional({
    description: 'the post held; null when the member no longer holds one',
    example: 'Bí thư Đoàn xã',
    nullable: true,
    type: String,
  })
  @IsOptional()
  @NormalizedText()
  @IsString()
  @Length(1, 200)
  position?: string | null;

  @EffectiveDate('2024-10-01')
  effectiveDate!: string;
}
