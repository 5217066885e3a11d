import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { DISCIPLINE_BODY_KINDS, DisciplineBodyKind } from '@ledger/domain';

/** The fields case commands share, so their validation and examples read the same everywhere. */

/** The organization a body belongs to (its inspection committee, its committee, the cell itself). */
export const OrganizationOfBody = (example: string, description: string) =>
  applyDecorators(ApiProperty({ example, description, format: 'uuid' }), IsUUID());

export const BodyKind = (example: DisciplineBodyKind, description: string) =>
  applyDecorators(
    ApiProperty({ enum: DISCIPLINE_BODY_KINDS, example, description }),
    IsIn(DISCIPLINE_BODY_KINDS),
  );

/** DIS-5: a count of a body's members; the domain checks both counts come together and the vote carried. */
export const VoteCount = (example: number, description: string) =>
  applyDecorators(ApiPropertyOptional({ example, description }), IsOptional(), IsInt(), Min(0), Max(100_000));

/** Votes on the form (DIS-5): both counts, or neither when the papers do not give them. */
export class VotesDto {
  @VoteCount(7, 'members who voted for the form (secret ballot)')
  votesFor?: number;

  @VoteCount(9, "the body's members entitled to vote (MTG-4), not those present")
  membersEntitled?: number;
}
