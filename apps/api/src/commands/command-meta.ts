import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { canonicalJson, sha256 } from '@ledger/event-store';
import { InvalidInputException } from '../http/invalid-input.exception';

/** What travels with every command besides its body: who, why, and the client's guards. */
export interface CommandMeta {
  idempotencyKey?: string;
  /** Expected version of the command's stream (If-Match); a mismatch is 412, never retried. */
  ifMatch?: number;
  actor: string;
  correlationId: string;
  /** What the idempotency key promises: method, path and body. Made only when there is a key. */
  requestHash?: string;
}

/** The request's path without its query string (commands take none). */
const pathOf = (url: string): string => {
  const q = url.indexOf('?');
  return q < 0 ? url : url.slice(0, q);
};

const IF_MATCH = /^\s*(?:W\/)?"?(\d+)"?\s*$/;

export const commandMetaFrom = (request: FastifyRequest): CommandMeta => {
  const header = (name: string): string | undefined => {
    const v = request.headers[name];
    return Array.isArray(v) ? v[0] : v;
  };
  const idempotencyKey = header('idempotency-key');
  if (idempotencyKey !== undefined && (idempotencyKey.length < 1 || idempotencyKey.length > 200))
    throw new InvalidInputException([
      { field: 'Idempotency-Key', messages: ['must be 1 to 200 characters'] },
    ]);
  const ifMatchHeader = header('if-match');
  let ifMatch: number | undefined;
  if (ifMatchHeader !== undefined) {
    const m = IF_MATCH.exec(ifMatchHeader);
    if (!m)
      throw new InvalidInputException([
        { field: 'If-Match', messages: ['must be a stream version, e.g. "3"'] },
      ]);
    ifMatch = Number(m[1]);
  }
  return {
    idempotencyKey,
    ifMatch,
    actor: header('x-actor') ?? 'anonymous',
    correlationId: header('x-correlation-id') ?? randomUUID(),
    requestHash:
      idempotencyKey === undefined
        ? undefined
        : sha256(`${request.method} ${pathOf(request.url)}\n${canonicalJson(request.body ?? {})}`),
  };
};

/** `@Meta() meta: CommandMeta` in a controller method. */
export const Meta = createParamDecorator((_: unknown, ctx: ExecutionContext) =>
  commandMetaFrom(ctx.switchToHttp().getRequest<FastifyRequest>()),
);
