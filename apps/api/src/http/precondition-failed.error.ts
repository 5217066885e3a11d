/** The request's If-Match named a stream version that is no longer current (412). */
export class PreconditionFailedError extends Error {
  constructor(
    readonly expected: number,
    readonly actual: number,
  ) {
    super(`If-Match expected version ${expected}, but the current version is ${actual}`);
    this.name = 'PreconditionFailedError';
  }
}
