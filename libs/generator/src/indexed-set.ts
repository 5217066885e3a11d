import { Random } from './random';

/** A set with O(1) add, delete and uniform random pick (an array with an index). */
export class IndexedSet<T> {
  private readonly items: T[] = [];
  private readonly index = new Map<T, number>();

  get size(): number {
    return this.items.length;
  }

  has(item: T): boolean {
    return this.index.has(item);
  }

  add(item: T): void {
    if (this.index.has(item)) return;
    this.index.set(item, this.items.length);
    this.items.push(item);
  }

  delete(item: T): void {
    const i = this.index.get(item);
    if (i === undefined) return;
    const last = this.items.pop()!;
    if (last !== item) {
      this.items[i] = last;
      this.index.set(last, i);
    }
    this.index.delete(item);
  }

  pick(random: Random): T | undefined {
    return this.items.length === 0 ? undefined : this.items[Math.floor(random.next() * this.items.length)];
  }

  /** The items, in no meaningful order. The live array: copy it before changing the set while iterating. */
  values(): readonly T[] {
    return this.items;
  }
}
