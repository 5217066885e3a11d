import { applyDecorators } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';

/** The headers every command accepts (DESIGN "HTTP API"), for the OpenAPI document. */
export const CommandHeaders = () =>
  applyDecorators(
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description: 'the same key and body returns the first answer',
    }),
    ApiHeader({
      name: 'If-Match',
      required: false,
      description: 'expected stream version; 412 when it has moved',
    }),
    ApiHeader({
      name: 'X-Actor',
      required: false,
      description: 'who records the decision (kept in the event metadata)',
    }),
  );
