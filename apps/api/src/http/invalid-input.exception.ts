import { BadRequestException, ValidationError } from '@nestjs/common';

export interface FieldError {
  field: string;
  messages: string[];
}

/** A 400 that lists every invalid field, nested ones with dotted paths. */
export class InvalidInputException extends BadRequestException {
  constructor(readonly fieldErrors: FieldError[]) {
    super('The request has invalid fields');
  }

  static fromValidation(errors: ValidationError[]): InvalidInputException {
    const flat: FieldError[] = [];
    const walk = (list: ValidationError[], prefix: string) => {
      for (const e of list) {
        const field = prefix ? `${prefix}.${e.property}` : e.property;
        if (e.constraints) flat.push({ field, messages: Object.values(e.constraints) });
        if (e.children?.length) walk(e.children, field);
      }
    };
    walk(errors, '');
    return new InvalidInputException(flat);
  }
}
