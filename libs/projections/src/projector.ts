import { PoolClient } from 'pg';
import { StoredEvent } from '@ledger/event-store';

/** Applies a batch of the log, in order, inside the transaction that also moves its checkpoint. */
export interface Projector {
  readonly name: string;
  apply(client: PoolClient, batch: StoredEvent[]): Promise<void>;
}
