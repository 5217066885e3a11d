import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsIn,
  IsOptional,
  isUUID,
  IsUUID,
  registerDecorator,
  ValidationArguments,
} from 'class-validator';
import { DisciplineBodyKind, LIMITATION_EXEMPTIONS, LimitationExemption } from '@ledger/domain';
import { EffectiveDate, OptionalDate, Text } from '../members/member-fields';
import { BodyKind, OrganizationOfBody } from './case-fields';

const SUBJECT_FIELDS = ['memberId', 'organizationId'] as const;
type SubjectField = (typeof SUBJECT_FIELDS)[number];

/**
 * The case is against a member or an organization: exactly one of the two ids, a uuid. One constraint
 * does it all, because IsOptional would skip every constraint of an absent field, "neither" included.
 */
function SubjectId(field: SubjectField, example: string, description: string): PropertyDecorator {
  const other = SUBJECT_FIELDS.find((f) => f !== field)!;
  const valueOf = (args: ValidationArguments, name: SubjectField) =>
    (args.object as Record<string, unknown>)[name];
  return (target, propertyName) => {
    ApiPropertyOptional({ example, description, format: 'uuid' })(target, propertyName);
    registerDecorator({
      name: 'isCaseSubject',
      target: target.constructor,
      propertyName: propertyName as string,
      validator: {
        validate: (value: unknown, args: ValidationArguments) =>
          (value === undefined) !== (valueOf(args, other) === undefined) &&
          (value === undefined || (typeof value === 'string' && isUUID(value))),
        defaultMessage: (args?: ValidationArguments) => {
          const [mine, theirs] = args ? [valueOf(args, field), valueOf(args, other)] : [];
          if (mine === undefined && theirs === undefined)
            return `${field} or ${other} is required: the member or the organization the case is against`;
          if (mine !== undefined && theirs !== undefined) return `give ${field} or ${other}, not both`;
          return `${field} must be a uuid`;
        },
      },
    });
  };
}

/** DisciplineCaseOpened: a case against a member or an organization (DIS-10: also one dissolved since). */
export class OpenDisciplineCaseDto {
  @ApiPropertyOptional({
    description: 'uuid; generated when absent',
    example: 'c45e1d2a-7b3f-4e8a-9c10-5d6e7f8a9b0c',
  })
  @IsOptional()
  @IsUUID()
  id?: string;

  @SubjectId('memberId', 'a1b2c3d4-0000-4000-8000-00000000000a', 'the member the case is against')
  memberId?: string;

  @SubjectId(
    'organizationId',
    'a1b2c3d4-0000-4000-8000-000000000004',
    'the organization the case is against (it may since have been merged or dissolved)',
  )
  organizationId?: string;

  @OrganizationOfBody(
    'a1b2c3d4-0000-4000-8000-000000000003',
    'the organization whose body opens the case (its inspection committee, its committee, the cell)',
  )
  openedBy!: string;

  @BodyKind('inspection_committee', 'which body of that organization opens it')
  openedByKind!: DisciplineBodyKind;

  @Text(
    'Vi phạm quy định về những điều đảng viên không được làm',
    2000,
    'what the subject is said to have done',
  )
  allegation!: string;

  @EffectiveDate('2022-06-01', 'the day of the breach (DIS-8: limitation runs from it)')
  violationDate!: string;

  @OptionalDate('2022-09-30', 'a continuing breach: the day it ended (limitation runs from there, DIS-8)')
  violationEndedOn?: string;

  @ApiPropertyOptional({
    description:
      'the breach warrants expulsion (dissolution for an organization): no limitation runs (DIS-8, DIS-9)',
  })
  @IsOptional()
  @IsBoolean()
  expulsionLevel?: boolean;

  @ApiPropertyOptional({
    enum: LIMITATION_EXEMPTIONS,
    description: 'a breach for which no limitation runs (DIS-8; illegal_diploma for members only, DIS-9)',
  })
  @IsOptional()
  @IsIn(LIMITATION_EXEMPTIONS)
  limitationExempt?: LimitationExemption;

  @ApiPropertyOptional({
    description: 'the subject is dead and the breach was especially serious (REM-5, DIS-10)',
  })
  @IsOptional()
  @IsBoolean()
  especiallySerious?: boolean;

  @EffectiveDate('2023-01-10', 'the day the case was opened')
  effectiveDate!: string;
}
