import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { EntityNotFound, RuleViolation } from '@ledger/domain';
import { ConcurrencyError, IdempotencyConflictError, InvalidAppendError } from '@ledger/event-store';
import { InvalidInputException } from './invalid-input.exception';
import { PreconditionFailedError } from './precondition-failed.error';
import { Problem, PROBLEM_BASE, PROBLEM_JSON } from './problem';
import { BODY_LIMIT_BYTES } from './body-limit';

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
    const request = http.getRequest<FastifyRequest>();
    const response = http.getResponse<FastifyReply>();
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
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const slug = (HttpStatus[status] ?? 'error').toLowerCase().replace(/_/g, '-');
      const title = (HttpStatus[status] ?? 'Error')
        .toLowerCase()
        .replace(/_/g, ' ')
        .replace(/^./, (c) => c.toUpperCase());
      // Fastify's own errors (a body too large, not JSON, of another media type) reach here as
      // HttpExceptions with Fastify's terse message: a 400 is invalid input like any other, and
      // the others say what to send instead.
      if (status === 400) return problem(400, 'invalid-input', 'Invalid input', messageOf(exception));
      const detail = BODY_DETAILS[status] ?? messageOf(exception);
      return problem(status, slug, title, detail);
    }
    return problem(
      500,
      'internal',
      'Internal error',
      'Something went wrong on our side; it has been logged.',
    );
  }
}

const BODY_DETAILS: Record<number, string> = {
  413: `Request bodies are limited to ${BODY_LIMIT_BYTES} bytes`,
  415: 'Commands are JSON: send them with Content-Type: application/json',
};

const summarize = (e: InvalidInputException): string =>
  e.fieldErrors.map((f) => `${f.field}: ${f.messages.join(', ')}`).join('; ');

const messageOf = (e: HttpException): string => {
  const r = e.getResponse();
  if (typeof r === 'string') return r;
  const m = (r as { message?: unknown }).message;
  return Array.isArray(m) ? m.join('; ') : String(m ?? e.message);
};

const describe = (e: unknown): string => (e instanceof Error ? (e.stack ?? e.message) : String(e));
