import { StoredEvent } from './envelope';
import { EventStore } from './event-store.port';

export interface CatchUpOptions {
  /** The last position already handled (0 for the whole log). */
  from: number;
  batchSize?: number;
  /** How long to sleep when caught up before looking again (an append in this process wakes it at once). */
  idleMs?: number;
  /**
   * After a batch that reached the log's end (fewer than batchSize), how long to wait before
   * reading again, so that the appends committed meanwhile come as one batch instead of one batch
   * each (default 0: read again at once). `hurry()` ends the wait. The first append after an idle
   * spell is read at once: only a steady stream of appends is gathered.
   */
  lingerMs?: number;
  /** Handles one batch in order; the subscription moves past it only when this resolves. */
  handle: (events: StoredEvent[]) => Promise<void>;
  onError?: (error: unknown) => void;
}

export interface Subscription {
  /** The last position handled. */
  readonly position: number;
  /** Someone waits for what has been appended: the next read comes without lingering. */
  hurry(): void;
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
  const lingerMs = options.lingerMs ?? 0;
  let position = options.from;
  let running = true;
  // Set by hurry(): the next linger is skipped (hurry() also ends one under way). A hurry while the
  // subscription is idle does not wake it; the append it waits for does.
  let hurried = false;
  let endLinger: (() => void) | undefined;
  const linger = () =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => endLinger!(), lingerMs);
      endLinger = () => {
        clearTimeout(timer);
        endLinger = undefined;
        resolve();
      };
    });
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
        if (lingerMs > 0 && events.length < batchSize && !hurried && running) await linger();
        hurried = false;
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
    hurry: () => {
      hurried = true;
      endLinger?.();
    },
    stop: async () => {
      running = false;
      endLinger?.();
      await loop;
    },
  };
}
