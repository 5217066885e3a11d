import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { EntityNotFound, RuleViolation } from '@ledger/domain';
import { ConcurrencyError, IdempotencyConflictError, InvalidAppendError } from '@ledger/event-store';
import { InvalidInputException } from './invalid-input.exception';
import { PreconditionFailedError } from './precondition-failed.error';
import { Problem, PROBLEM_BASE, PROBLEM_JSON } from './problem';

const problem = (
  status: number,
  slug: string,
  title: string,
  detail: string,
  extra: Partial<Problem> = {},
): Problem => ({
  type: `${PROBLEM_BASE}${slug}`,
  title,
  status,
  detail,
  ...extra,
});

/** The one place where errors become HTTP answers (DESIGN.md "HTTP API"). */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const body = { ...this.toProblem(exception), instance: request.originalUrl };
    if (body.status >= 500)
      this.logger.error(`${request.method} ${request.originalUrl}: ${describe(exception)}`);
    response.status(body.status).type(PROBLEM_JSON).send(JSON.stringify(body));
  }

  private toProblem(exception: unknown): Problem {
    if (exception instanceof InvalidInputException)
      return problem(400, 'invalid-input', 'Invalid input', summarize(exception), {
        errors: exception.fieldErrors,
      });
    if (exception instanceof RuleViolation)
      return problem(422, 'rule-violation', 'Refused by a rule', exception.detail, {
        ruleId: exception.ruleId,
      });
    if (exception instanceof EntityNotFound)
      return problem(404, 'not-found', 'Not found', exception.message, {
        entity: exception.entity,
        id: exception.id,
      });
    if (exception instanceof IdempotencyConflictError)
      return problem(409, 'idempotency-conflict', 'Idempotency key reused', exception.message);
    if (exception instanceof PreconditionFailedError)
      return problem(412, 'precondition-failed', 'If-Match failed', exception.message, {
        currentVersion: exception.actual,
      });
    if (exception instanceof ConcurrencyError)
      return problem(
        409,
        'concurrent-change',
        'Concurrent change',
        `${exception.message}; retry the request`,
      );
    if (exception instanceof InvalidAppendError)
      return problem(400, 'invalid-input', 'Invalid input', exception.message);
    if (isBodyParserError(exception)) {
      if (exception.type === 'entity.too.large')
        return problem(
          413,
          'payload-too-large',
          'Payload too large',
          `Request bodies are limited to ${exception.limit} bytes`,
        );
      if (exception.type === 'entity.parse.failed')
        return problem(400, 'invalid-input', 'Invalid input', 'The body is not valid JSON');
      return problem(exception.status, 'invalid-input', 'Invalid input', exception.message);
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const slug = (HttpStatus[status] ?? 'error').toLowerCase().replace(/_/g, '-');
      const title = (HttpStatus[status] ?? 'Error')
        .toLowerCase()
        .replace(/_/g, ' ')
        .replace(/^./, (c) => c.toUpperCase());
      return problem(status, slug, title, messageOf(exception));
    }
    return problem(
      500,
      'internal',
      'Internal error',
      'Something went wrong on our side; it has been logged.',
    );
  }
}

/** Errors raised by body-parser (http-errors) before Nest sees the request: client errors with a `type`. */
const isBodyParserError = (
  e: unknown,
): e is { type: string; status: number; limit?: number; message: string } =>
  typeof e === 'object' &&
  e !== null &&
  typeof (e as { type?: unknown }).type === 'string' &&
  (e as { expose?: unknown }).expose === true &&
  typeof (e as { status?: unknown }).status === 'number';

const summarize = (e: InvalidInputException): string =>
  e.fieldErrors.map((f) => `${f.field}: ${f.messages.join(', ')}`).join('; ');

const messageOf = (e: HttpException): string => {
  const r = e.getResponse();
  if (typeof r === 'string') return r;
  const m = (r as { message?: unknown }).message;
  return Array.isArray(m) ? m.join('; ') : String(m ?? e.message);
};

const describe = (e: unknown): string => (e instanceof Error ? (e.stack ?? e.message) : String(e));
