/** The stream's version is not the one the writer expected: someone else appended first. */
export class ConcurrencyError extends Error {
  constructor(
    readonly streamId: string,
    readonly expected: number | 'no_stream',
    readonly actual: number,
  ) {
    super(
      `Stream ${streamId} is at version ${actual}, expected ${expected === 'no_stream' ? 'no stream' : expected}`,
    );
    this.name = 'ConcurrencyError';
  }
}

/** An idempotency key reused with a different request. */
export class IdempotencyConflictError extends Error {
  constructor(readonly idempotencyKey: string) {
    super(`Idempotency key ${idempotencyKey} was already used with a different request`);
    this.name = 'IdempotencyConflictError';
  }
}

/** The append itself is malformed (no events, a stream named twice, a bad date). */
export class InvalidAppendError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidAppendError';
  }
}
