/**
 * The last log position whose effects a projection has committed to its read models, and the
 * callers waiting for it to reach the log's head (read-your-writes): kept by ProjectionRunner in
 * the thread that runs it, and by ProjectionThread from what its thread reports.
 */
export class CommittedPosition {
  private value = 0;
  private readonly waiters: { position: number; resolve: () => void }[] = [];

  /** `head`: the log's last position now. */
  constructor(private readonly head: () => Promise<number>) {}

  get position(): number {
    return this.value;
  }

  /** The read models now hold everything up to `position`: the waiters it reaches are released. */
  moveTo(position: number): void {
    this.value = position;
    for (let i = this.waiters.length - 1; i >= 0; i--)
      if (this.waiters[i].position <= position) this.waiters.splice(i, 1)[0].resolve();
  }

  /**
   * Resolves true once the read models include everything the log held when this was called
   * (false: timed out). `onBehind`: called when they do not yet (the projector is told to hurry).
   */
  async waitForHead(timeoutMs: number, onBehind?: () => void): Promise<boolean> {
    const head = await this.head();
    if (this.value >= head) return true;
    onBehind?.();
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      this.waiters.push({ position: head, resolve: () => (clearTimeout(timer), resolve(true)) });
    });
  }
}
