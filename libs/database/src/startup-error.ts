/**
 * A problem with configuration or the environment found while starting (bad DATABASE_URL,
 * unwritable DATA_DIR, port in use). The entry points print its message alone — one clear
 * line, no stack trace — and exit non-zero.
 */
export class StartupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StartupError';
  }
}
