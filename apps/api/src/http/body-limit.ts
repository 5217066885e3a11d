/** Request bodies are small JSON commands; anything larger is refused with 413. */
export const BODY_LIMIT_BYTES = 64 * 1024;
