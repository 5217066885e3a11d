/**
 * What the simulation will record, and when: tasks ordered by the day they are recorded (the simulated
 * "today"), ties in the order they were scheduled. A task may schedule more (a nomination schedules the
 * admission, an admission the official recognition a year later). A binary heap: the agenda of a large
 * province holds hundreds of thousands of tasks.
 */
export interface Task {
  /** The recording day, YYYY-MM-DD: the domain's `today` while the task runs. */
  readonly on: string;
  readonly run: () => void;
}

interface Entry extends Task {
  readonly seq: number;
}

const before = (a: Entry, b: Entry): boolean => (a.on === b.on ? a.seq < b.seq : a.on < b.on);

export class Agenda {
  private readonly heap: Entry[] = [];
  private seq = 0;

  get size(): number {
    return this.heap.length;
  }

  schedule(on: string, run: () => void): void {
    const heap = this.heap;
    heap.push({ on, run, seq: this.seq++ });
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(heap[i], heap[parent])) break;
      [heap[i], heap[parent]] = [heap[parent], heap[i]];
      i = parent;
    }
  }

  /** The next task, removed from the agenda; undefined when none is left. */
  next(): Task | undefined {
    const heap = this.heap;
    if (heap.length === 0) return undefined;
    const top = heap[0];
    const last = heap.pop()!;
    if (heap.length > 0) {
      heap[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < heap.length && before(heap[l], heap[m])) m = l;
        if (r < heap.length && before(heap[r], heap[m])) m = r;
        if (m === i) break;
        [heap[i], heap[m]] = [heap[m], heap[i]];
        i = m;
      }
    }
    return top;
  }
}
