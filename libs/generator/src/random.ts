const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/**
 * The generator's only source of chance: sfc32 (a small, fast 128-bit-state PRNG), seeded through
 * splitmix32. Not mulberry32: every mulberry32 seed walks the same single cycle of 2^32 states, so two
 * seeds drawing millions of ids each would overlap (and repeat each other's uuids) with a real
 * probability; sfc32 streams of different seeds do not meet in practice.
 */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  /** `stream` separates independent sequences of one seed (decisions, ids). */
  constructor(seed: number, stream = 0) {
    let s = (seed ^ Math.imul(stream + 1, 0x9e3779b9)) >>> 0;
    const splitmix = (): number => {
      s = (s + 0x9e3779b9) | 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = splitmix();
    this.b = splitmix();
    this.c = splitmix();
    this.d = splitmix();
    for (let i = 0; i < 15; i++) this.uint32();
  }

  uint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.uint32() / 4_294_967_296;
  }

  /** Uniform integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** Fisher–Yates, in place; returns the array. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [items[i], items[j]] = [items[j], items[i]];
    }
    return items;
  }

  /** Successes in n trials of probability p (geometric skips for small means, normal approximation above). */
  binomial(n: number, p: number): number {
    if (n <= 0 || p <= 0) return 0;
    if (p >= 1) return n;
    const mean = n * p;
    if (mean > 40) {
      const u = Math.max(this.next(), 1e-12);
      const gaussian = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
      return Math.min(n, Math.max(0, Math.round(mean + gaussian * Math.sqrt(mean * (1 - p)))));
    }
    const logQ = Math.log(1 - p);
    let k = 0;
    for (let i = 0; ; k++) {
      i += Math.floor(Math.log(1 - this.next()) / logQ) + 1;
      if (i > n) return k;
    }
  }

  /** A uuid laid out as version 4 (random), drawn from this sequence. */
  uuid(): string {
    const a = this.uint32();
    const b = (this.uint32() & 0xffff0fff) | 0x4000; // version 4
    const c = ((this.uint32() & 0x3fffffff) | 0x80000000) >>> 0; // variant 10
    const d = this.uint32();
    const h = (n: number, shift: number) => HEX[(n >>> shift) & 0xff];
    return (
      h(a, 24) +
      h(a, 16) +
      h(a, 8) +
      h(a, 0) +
      '-' +
      h(b, 24) +
      h(b, 16) +
      '-' +
      h(b, 8) +
      h(b, 0) +
      '-' +
      h(c, 24) +
      h(c, 16) +
      '-' +
      h(c, 8) +
      h(c, 0) +
      h(d, 24) +
      h(d, 16) +
      h(d, 8) +
      h(d, 0)
    );
  }
}
