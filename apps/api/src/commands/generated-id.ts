import { createHash, randomUUID } from 'node:crypto';
import { CommandMeta } from './command-meta';

/**
 * An id the server generates. With an Idempotency-Key it is derived from the key, so a repeated
 * request is answered with the id of the first (the log keeps only the result's stream versions);
 * without one it is random. Formatted as a name-based (version 5) uuid.
 */
export const generatedId = (meta: CommandMeta, purpose: string): string => {
  if (!meta.idempotencyKey) return randomUUID();
  const hex = createHash('sha256').update(`${purpose}\n${meta.idempotencyKey}`).digest('hex');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
};
