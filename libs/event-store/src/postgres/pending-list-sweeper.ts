import { Pool } from 'pg';

/**
 * The log's GIN indexes (references in `data`, causes in `metadata`) take new entries into a
 * pending list, and the INSERT that finds a list over `gin_pending_list_limit` (4 MB) moves the
 * whole list into the index before it returns. That INSERT is an append, and every append queued
 * behind the log's lock waits for it: on the 300,000-member benchmark database, 16 clients
 * recording meetings waited 265 ms together, once every ~40,000 events (the `data` list filled
 * after about 41,000 meetings, the `metadata` list holds about 70,000). `fastupdate = off` removes
 * the pauses but made every append slower (a fifth of the throughput, session 14).
 *
 * Instead the lists are emptied in the background, on a connection of their own, long before they
 * fill: `gin_clean_pending_list` every `everyEvents` appended events (and once at start, for a log
 * loaded in bulk). An append that crosses the limit while a sweep runs does not wait for it
 * (PostgreSQL leaves the list to the sweep), and a sweep waits for no append.
 */
export class PendingListSweeper {
  private sweptAt = -1;
  private sweeping?: Promise<number>;
  private disabled = false;

  constructor(
    private readonly pool: Pool,
    private readonly options: {
      /** How many events may be appended between two sweeps; a quarter of what fills a list of meetings. */
      everyEvents?: number;
      log?: (message: string) => void;
      /** After each sweep: the pending pages moved, and how long it took. */
      onSwept?: (pages: number, ms: number) => void;
    } = {},
  ) {}

  /** Sweeps when `lastPosition` is `everyEvents` past the last sweep (a store's onAppend listener). */
  appended(lastPosition: number): void {
    if (this.sweptAt < 0) this.sweptAt = lastPosition;
    if (lastPosition - this.sweptAt < (this.options.everyEvents ?? 10_000)) return;
    this.sweptAt = lastPosition;
    void this.sweep();
  }

  /**
   * Empties the pending lists of the log's GIN indexes; resolves with how many pending pages were
   * moved into the indexes (0 when a sweep is already under way, or sweeps are disabled).
   */
  sweep(): Promise<number> {
    if (this.sweeping || this.disabled) return Promise.resolve(0);
    this.sweeping = this.clean().finally(() => (this.sweeping = undefined));
    return this.sweeping;
  }

  /** Waits for the sweep under way, if any (before the pool closes). */
  async stopped(): Promise<void> {
    this.disabled = true;
    await this.sweeping;
  }

  private async clean(): Promise<number> {
    const started = Date.now();
    try {
      const result = await this.pool.query<{ pages: string }>(
        `SELECT coalesce(sum(gin_clean_pending_list(i.indexrelid)), 0) AS pages
           FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am am ON am.oid = c.relam
          WHERE i.indrelid = 'ledger_events'::regclass AND am.amname = 'gin'`,
      );
      const pages = Number(result.rows[0].pages);
      this.options.onSwept?.(pages, Date.now() - started);
      return pages;
    } catch (error) {
      const e = error as Error & { code?: string };
      // Only the indexes' owner may sweep (as for VACUUM): without that right, appends move the
      // lists themselves, as PostgreSQL does by default.
      if (e.code === '42501') this.disabled = true;
      this.options.log?.(
        `Could not empty the log's GIN pending lists${this.disabled ? ' (sweeps stopped)' : ''}: ${e.message}`,
      );
      return 0;
    }
  }
}
