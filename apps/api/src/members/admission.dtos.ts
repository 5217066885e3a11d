import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsOptional, IsUUID } from 'class-validator';
import type { IntroducingOrganization } from '@ledger/domain';
import { DecisionRef, EffectiveDate, OptionalDate, OptionalDecisionRef } from './member-fields';

const INTRODUCING_ORGANIZATIONS = [
  'youth_union',
  'trade_union',
] as const satisfies readonly IntroducingOrganization[];

/** Kết nạp: the competent committee's decision and the ceremony that follows it (ADM-12). */
export class AdmitMemberDto {
  @EffectiveDate('2023-03-20', 'the admission ceremony (lễ kết nạp): probation starts here (ADM-12)')
  effectiveDate!: string;

  @DecisionRef('45-QĐ/ĐU')
  decisionRef!: string;

  @OptionalDate(
    '2023-03-01',
    'the date in the admission decision: party age starts here; default effectiveDate',
  )
  decisionDate?: string;

  @ApiPropertyOptional({
    description: 'organization whose committee decided (ORG-8); default: the base organization of the cell',
    example: 'a1b2c3d4-0000-4000-8000-000000000002',
  })
  @IsOptional()
  @IsUUID()
  decidedBy?: string;

  @ApiPropertyOptional({
    description: 'introducing official members (ADM-5: two; ADM-6: one, with introducedByOrganization)',
    example: ['c4a1e2f0-7b3d-4e21-9f00-000000000001', 'c4a1e2f0-7b3d-4e21-9f00-000000000002'],
    type: [String],
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsUUID(undefined, { each: true })
  introducerIds?: string[];

  @ApiPropertyOptional({
    enum: INTRODUCING_ORGANIZATIONS,
    description: 'ADM-6: the base Youth Union or trade-union executive introduces, with one official member',
    example: 'youth_union',
  })
  @IsOptional()
  @IsIn(INTRODUCING_ORGANIZATIONS)
  introducedByOrganization?: (typeof INTRODUCING_ORGANIZATIONS)[number];

  @OptionalDate(
    '2023-02-15',
    'ADM-1: when the cell considered the application (age counted then); default decisionDate',
  )
  consideredOn?: string;

  @OptionalDate('2023-03-03', 'ADM-11: when the cell received the decision; default decisionDate')
  decisionReceivedOn?: string;

  @ApiPropertyOptional({
    description: 'ADM-11: the direct superior consented to a ceremony after 30 working days',
  })
  @IsOptional()
  @IsBoolean()
  lateCeremonyConsented?: boolean;

  @ApiPropertyOptional({
    description: 'ADM-1: a committee directly under the Central Committee decided to admit a person over 60',
  })
  @IsOptional()
  @IsBoolean()
  over60Approved?: boolean;
}

/** Kết nạp lại (REM-6): every admission condition again, in the cell the person now belongs to. */
export class ReadmitMemberDto extends AdmitMemberDto {
  @ApiProperty({ example: 'a1b2c3d4-0000-4000-8000-000000000003' })
  @IsUUID()
  cellId!: string;

  @ApiPropertyOptional({
    description: "REM-6: the provincial standing committee's written consent; refused without it",
    example: true,
  })
  @IsOptional()
  @IsBoolean()
  provincialConsent?: boolean;

  @ApiPropertyOptional({ description: 'REM-7: special family hardship, for someone who asked to leave' })
  @IsOptional()
  @IsBoolean()
  specialHardship?: boolean;

  @OptionalDate('2019-06-01', 'REM-6: when a conviction for a less serious crime was expunged (60 months)')
  convictionExpungedOn?: string;
}

/** Công nhận đảng viên chính thức. */
export class MakeMembershipOfficialDto {
  @EffectiveDate(
    '2024-05-15',
    'the day the competent committee decided; the member is official from the end of probation (PRB-4)',
  )
  effectiveDate!: string;

  @DecisionRef('78-QĐ/ĐU')
  decisionRef!: string;
}

/** PRB-3: a probationer found unfit has the name removed, not expelled (PRB-6). */
export class FailProbationDto {
  @EffectiveDate('2024-04-10')
  effectiveDate!: string;

  @OptionalDecisionRef('80-QĐ/ĐU')
  decisionRef?: string;
}
