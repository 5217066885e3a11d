import { ParseUUIDPipe } from '@nestjs/common';
import { InvalidInputException } from './invalid-input.exception';

/** `:id` path parameters are uuids; anything else is a 400 naming the parameter. */
export const uuidParam = (name = 'id') =>
  new ParseUUIDPipe({
    exceptionFactory: () =>
      new InvalidInputException([{ field: name, messages: [`${name} must be a uuid`] }]),
  });
