import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';
import { IsCalendarDate, NormalizedText } from '../http/validators';

/** The fields most member commands share, so their validation and examples read the same everywhere. */

export const EffectiveDate = (example: string, description?: string) =>
  applyDecorators(ApiProperty({ example, description }), IsCalendarDate());

export const OptionalDate = (example: string, description: string) =>
  applyDecorators(ApiPropertyOptional({ example, description }), IsOptional(), IsCalendarDate());

/** A decision number as the committee writes it: "45-QĐ/ĐU" (đảng ủy), "112-QĐ/HU" (huyện ủy). */
export const DecisionRef = (example: string, description?: string) =>
  applyDecorators(ApiProperty({ example, description }), NormalizedText(), IsString(), Length(1, 100));

export const OptionalDecisionRef = (example: string, description?: string) =>
  applyDecorators(
    ApiPropertyOptional({ example, description }),
    IsOptional(),
    NormalizedText(),
    IsString(),
    Length(1, 100),
  );

/** Free text kept as typed, in NFC (a Vietnamese name typed decomposed is the same name). */
export const Text = (example: string, max: number, description?: string) =>
  applyDecorators(ApiProperty({ example, description }), NormalizedText(), IsString(), Length(1, max));
