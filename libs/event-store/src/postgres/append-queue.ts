/** One caller's append, waiting for its turn. */
export interface Queued<R, T> {
  request: R;
  resolve: (result: T) => void;
  reject: (error: unknown) => void;
}

/**
 * Appends are serialized (one lock for the log), so concurrent callers would otherwise queue on
 * the lock one transaction — and one commit flush — each. Instead, callers that arrive while a
 * transaction is being written wait here, and the next transaction writes all of them that can
 * share one (`groupable`): one lock, one head, one INSERT and one commit for the group. The others
 * are written alone, in their turn. Order is arrival order.
 */
export class AppendQueue<R, T> {
  private readonly waiting: Queued<R, T>[] = [];
  private writing = false;

  constructor(
    private readonly write: {
      alone: (request: R) => Promise<T>;
      /** Settles every member of the group (each its own result or error). */
      group: (group: Queued<R, T>[]) => Promise<void>;
      groupable: (request: R) => boolean;
      maxGroup: number;
    },
  ) {}

  submit(request: R): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.waiting.push({ request, resolve, reject });
      void this.drain();
    });
  }

  private async drain(): Promise<void> {
    if (this.writing) return;
    this.writing = true;
    try {
      while (this.waiting.length > 0) {
        const next = this.take();
        if (next.length === 1) {
          const [one] = next;
          await this.write.alone(one.request).then(one.resolve, one.reject);
        } else {
          // A group that could not even start (no connection) fails each of its callers.
          await this.write.group(next).catch((error) => next.forEach((q) => q.reject(error)));
        }
      }
    } finally {
      this.writing = false;
    }
  }

  /** The first waiting append, and when it can share a transaction, the groupable ones right after it. */
  private take(): Queued<R, T>[] {
    let n = 1;
    if (this.write.groupable(this.waiting[0].request))
      while (
        n < this.waiting.length &&
        n < this.write.maxGroup &&
        this.write.groupable(this.waiting[n].request)
      )
        n++;
    return this.waiting.splice(0, n);
  }
}
