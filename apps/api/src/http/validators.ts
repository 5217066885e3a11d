import { Transform } from 'class-transformer';
import { registerDecorator, ValidationOptions } from 'class-validator';
import { isIsoDate } from '@ledger/domain';

/** A real calendar date, YYYY-MM-DD: `2024-02-30` is refused. */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isCalendarDate',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: `${String(propertyName)} must be a calendar date YYYY-MM-DD`, ...options },
      validator: { validate: (value: unknown) => typeof value === 'string' && isIsoDate(value) },
    });
}

/**
 * Vietnamese names arrive composed (NFC) or decomposed (NFD) depending on the keyboard; stored
 * NFC and trimmed, so "Nguyễn" typed either way is the same name.
 */
export function NormalizedText(): PropertyDecorator {
  return Transform(({ value }) => (typeof value === 'string' ? value.normalize('NFC').trim() : value));
}
