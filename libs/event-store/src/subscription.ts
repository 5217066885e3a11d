import { StoredEvent } from './envelope';
import { EventStore } from './event-store.port';

export interface CatchUpOptions {
  /** The last position already handled (0 for the whole log). */
  from: number;
  batchSize?: number;
  /** How long to sleep when caught up before looking again (an append in this process wakes it at once). */
  idleMs?: number;
  /** Handles one batch in order; the subscription moves past it only when this resolves. */
  handle: (events: StoredEvent[]) => Promise<void>;
  onError?: (error: unknown) => void;
}

export interface Subscription {
  /** The last position handled. */
  readonly position: number;
  stop(): Promise<void>;
}

/**
 * A catch-up subscription over the global log: reads batches after its position and hands
 * them over in order. It relies on the store's promise that positions are assigned in commit
 * order, so "after the last position read" never skips an event.
 */
export function subscribe(store: EventStore, options: CatchUpOptions): Subscription {
  const batchSize = options.batchSize ?? 500;
  const idleMs = options.idleMs ?? 250;
  let position = options.from;
  let running = true;
  const loop = (async () => {
    while (running) {
      try {
        // Taken before the read: an append that commits while the read runs (and so is not in
        // it) would otherwise wake nobody, and its events would wait for the idle timeout.
        const heard = store.appendsHeard();
        const events = await store.readAll(position, batchSize);
        if (events.length === 0) {
          await store.waitForAppend(idleMs, heard);
          continue;
        }
        await options.handle(events);
        position = events[events.length - 1].globalPosition;
      } catch (error) {
        options.onError?.(error);
        if (running) await new Promise((r) => setTimeout(r, idleMs));
      }
    }
  })();
  return {
    get position() {
      return position;
    },
    stop: async () => {
      running = false;
      await loop;
    },
  };
}
