import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { NAME_REMOVAL_REASONS, NameRemovalReason } from '@ledger/domain';
import { EffectiveDate, OptionalDecisionRef } from './member-fields';

/** Xóa tên (REM-1): proposed by the cell, decided by the competent committee. Not a discipline. */
export class RemoveNameDto {
  @ApiProperty({
    enum: NAME_REMOVAL_REASONS,
    description: 'REM-1 grounds (a)–(e); probation_failed is PRB-3',
    example: 'abandoned_activity',
  })
  @IsIn(NAME_REMOVAL_REASONS)
  reason!: NameRemovalReason;

  @EffectiveDate('2025-03-10')
  effectiveDate!: string;

  @OptionalDecisionRef('15-QĐ/ĐU')
  decisionRef?: string;
}

/** Xin ra khỏi Đảng (REM-4): the member's application, decided by the competent committee. */
export class ExitVoluntarilyDto {
  @EffectiveDate('2025-04-01')
  effectiveDate!: string;

  @OptionalDecisionRef('21-QĐ/ĐU')
  decisionRef?: string;
}

/** REM-5: death ends membership. */
export class RecordDeathDto {
  @EffectiveDate('2025-02-14')
  effectiveDate!: string;
}
