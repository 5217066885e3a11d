import { PoolClient } from 'pg';
import { StoredEvent } from '@ledger/event-store';

/** Applies a batch of the log, in order, inside the transaction that also moves its checkpoint. */
export interface Projector {
  readonly name: string;
  apply(client: PoolClient, batch: StoredEvent[]): Promise<void>;
  /**
   * Optional, for a pipelined catch-up: computes the batch reading on `reader`, and returns the
   * step that writes it inside the batch's transaction. Batches are prepared in order, and each
   * one's writes are committed before the next one's are written.
   */
  prepare?(reader: PoolClient, batch: StoredEvent[]): Promise<(writer: PoolClient) => Promise<void>>;
}
