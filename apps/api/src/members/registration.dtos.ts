import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { IsCalendarDate } from '../http/validators';
import { EffectiveDate, OptionalDate, Text } from './member-fields';

class PersonDto {
  @ApiPropertyOptional({
    description: 'uuid; generated when absent',
    example: 'c4a1e2f0-7b3d-4e21-9f00-000000000101',
  })
  @IsOptional()
  @IsUUID()
  id?: string;

  @Text('Nguyễn Thị Hoa', 200)
  fullName!: string;

  @ApiProperty({ example: '2000-05-10' })
  @IsCalendarDate()
  birthDate!: string;

  @ApiProperty({
    description: 'the cell (chi bộ) or base cell (chi bộ cơ sở) the person is registered in',
    example: 'a1b2c3d4-0000-4000-8000-000000000003',
  })
  @IsUUID()
  cellId!: string;
}

/** Quần chúng ưu tú: a person the cell proposes for admission. */
export class NominateCandidateDto extends PersonDto {
  @EffectiveDate('2023-01-10', 'the day the cell nominated the person')
  effectiveDate!: string;
}

/** A member admitted before the ledger began, from the paper records (party card and file). */
export class RegisterExistingMemberDto extends PersonDto {
  @ApiProperty({
    description: 'the admission date on the card (AGE-2): party age and probation both run from it',
    example: '1998-09-02',
  })
  @IsCalendarDate()
  admittedOn!: string;

  @OptionalDate('1999-09-02', 'when the member became official; absent for a probationary member')
  officialOn?: string;

  @EffectiveDate('2020-01-01', 'from when the records place the member in the cell')
  effectiveDate!: string;
}
