import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsUUID } from 'class-validator';
import {
  APPEAL_OUTCOMES,
  AppealOutcome,
  CLOSURE_REASONS,
  ClosureReason,
  DISCIPLINE_FORMS,
  DisciplineBodyKind,
  DisciplineForm,
} from '@ledger/domain';
import { DecisionRef, EffectiveDate, OptionalDate } from '../members/member-fields';
import { BodyKind, OrganizationOfBody, VotesDto } from './case-fields';

/** DisciplineDecided; a member subject also gets MemberDisciplined (and MemberExpelled) in the same append. */
export class DecideDisciplineDto extends VotesDto {
  @ApiProperty({ enum: DISCIPLINE_FORMS, example: 'warning', description: 'DIS-1' })
  @IsIn(DISCIPLINE_FORMS)
  form!: DisciplineForm;

  @OrganizationOfBody('a1b2c3d4-0000-4000-8000-000000000003', 'the organization whose body decides')
  decidedBy!: string;

  @BodyKind('inspection_committee', 'which body of that organization decides (DIS-2..4)')
  decidedByKind!: DisciplineBodyKind;

  @DecisionRef('12-QĐ/UBKT', 'the decision number')
  decisionRef!: string;

  @EffectiveDate('2023-03-01', "the decision's date: the competent body's conclusion (DIS-8)")
  effectiveDate!: string;

  @OptionalDate(
    '2023-03-05',
    "its announcement, from which the 12 months to its lapse run (DIS-11); default the decision's date, and one date for a cell (DIS-6)",
  )
  announcedOn?: string;

  @ApiPropertyOptional({
    description: 'a deciding base committee was delegated the power to admit members (DIS-3: it may expel)',
  })
  @IsOptional()
  @IsBoolean()
  delegatedAdmissionPower?: boolean;
}

/** DisciplineAppealed (APP-1): within 30 days of receiving the decision, which is obeyed meanwhile. */
export class AppealDisciplineDto {
  @EffectiveDate('2023-03-06', 'the day the subject received the written decision')
  receivedDecisionOn!: string;

  @ApiPropertyOptional({
    description: 'who appeals; the subject itself when absent (APP-2: no appeal on behalf of another)',
    format: 'uuid',
  })
  @IsOptional()
  @IsUUID()
  appellant?: string;

  @EffectiveDate('2023-03-20', 'the day the appeal was lodged')
  effectiveDate!: string;
}

/** AppealResolved; a member subject whose form changes also gets DisciplineAmended in the same append. */
export class ResolveAppealDto {
  @ApiProperty({ enum: APPEAL_OUTCOMES, example: 'reduced' })
  @IsIn(APPEAL_OUTCOMES)
  outcome!: AppealOutcome;

  @ApiPropertyOptional({
    enum: DISCIPLINE_FORMS,
    example: 'reprimand',
    description: 'the form that replaces the one appealed: when reduced or increased',
  })
  @IsOptional()
  @IsIn(DISCIPLINE_FORMS)
  newForm?: DisciplineForm;

  @OrganizationOfBody(
    'a1b2c3d4-0000-4000-8000-000000000002',
    'the organization whose body rules (APP-1, APP-3)',
  )
  resolvedBy!: string;

  @BodyKind('standing_committee', 'which body of that organization rules')
  resolvedByKind!: DisciplineBodyKind;

  @DecisionRef('45-QĐ/HU', 'the ruling number')
  decisionRef!: string;

  @EffectiveDate('2023-05-01', "the ruling's date")
  effectiveDate!: string;

  @OptionalDate(
    '2023-05-05',
    "its announcement (DIS-11: the lapse then runs from it); default the ruling's date",
  )
  announcedOn?: string;
}

/** DisciplineCaseClosed. */
export class CloseCaseDto {
  @ApiProperty({
    enum: CLOSURE_REASONS,
    example: 'time_barred',
    description:
      'no_violation or dropped: an open case; time_barred: an open case whose form voted can no longer be imposed (DIS-8/9); decided: a decided case',
  })
  @IsIn(CLOSURE_REASONS)
  reason!: ClosureReason;

  @ApiPropertyOptional({
    enum: DISCIPLINE_FORMS,
    example: 'reprimand',
    description: 'time_barred only: the form voted, whose limitation had run',
  })
  @IsOptional()
  @IsIn(DISCIPLINE_FORMS)
  form?: DisciplineForm;

  @EffectiveDate('2024-04-01')
  effectiveDate!: string;
}
