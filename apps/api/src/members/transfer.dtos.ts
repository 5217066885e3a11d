import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import type { TransferKind } from '@ledger/domain';
import { CommandResult } from '../commands/command-result';
import { NormalizedText } from '../http/validators';
import { EffectiveDate, OptionalDate } from './member-fields';

const TRANSFER_KINDS = ['official', 'temporary'] as const satisfies readonly TransferKind[];

/** Chuyển sinh hoạt đảng: the member leaves the cell with a certificate (giấy giới thiệu). */
export class StartTransferDto {
  @ApiProperty({ description: 'the receiving cell', example: 'a1b2c3d4-0000-4000-8000-000000000004' })
  @IsUUID()
  toCellId!: string;

  @ApiProperty({
    enum: TRANSFER_KINDS,
    description:
      'official: leaves the home count until arrival (TRF-1, TRF-7); temporary: stays in the home count (TRF-6)',
    example: 'official',
  })
  @IsIn(TRANSFER_KINDS)
  kind!: TransferKind;

  @EffectiveDate('2024-09-01', 'the day the certificate was issued')
  effectiveDate!: string;

  @OptionalDate('2025-06-30', 'TRF-5: the planned return of a temporary transfer')
  expectedReturnOn?: string;

  @ApiPropertyOptional({ description: 'TRF-5: full-time study, which may last up to 2 years' })
  @IsOptional()
  @IsBoolean()
  forStudy?: boolean;
}

/** The answer to a started transfer: the command result and the transfer's id, for arrival and return. */
export class TransferStartedResult extends CommandResult {
  @ApiProperty({ example: 'e7d1c2b3-4a5f-4c6d-8e9f-0a1b2c3d4e5f' })
  transferId!: string;
}

/** Arrival: the certificate presented to the receiving cell committee (TRF-4: within 30 working days). */
export class CompleteTransferDto {
  @EffectiveDate('2024-09-20')
  effectiveDate!: string;

  @ApiPropertyOptional({
    description: 'TRF-4: why the certificate came after 30 working days (kept only when it did)',
    example: 'Chờ quyết định nghỉ hưu của cơ quan cũ',
  })
  @IsOptional()
  @NormalizedText()
  @IsString()
  @Length(1, 500)
  lateReason?: string;

  @ApiPropertyOptional({
    description: 'TRF-4: the competent committee counts the lateness as a gap in party age (AGE-1)',
  })
  @IsOptional()
  @IsBoolean()
  latenessInterruptsPartyAge?: boolean;

  @ApiPropertyOptional({
    description: "the cell actually arrived at, when not the transfer's (it merged meanwhile)",
    example: 'a1b2c3d4-0000-4000-8000-000000000005',
  })
  @IsOptional()
  @IsUUID()
  toCellId?: string;
}

/** The end of a temporary transfer (TRF-5): back to the home cell. */
export class ReturnFromTemporaryTransferDto {
  @EffectiveDate('2025-06-30')
  effectiveDate!: string;
}
