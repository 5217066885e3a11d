import { Random } from './random';

describe('Random', () => {
  it('draws the same sequence from the same seed and stream, another from another', () => {
    const draw = (seed: number, stream: number) => {
      const random = new Random(seed, stream);
      return Array.from({ length: 20 }, () => random.uint32());
    };
    expect(draw(1, 0)).toEqual(draw(1, 0));
    expect(draw(1, 0)).not.toEqual(draw(2, 0));
    expect(draw(1, 0)).not.toEqual(draw(1, 1));
  });

  it('makes uuids laid out as version 4, none repeated', () => {
    const random = new Random(3, 1);
    const ids = Array.from({ length: 50_000 }, () => random.uuid());
    for (const id of ids.slice(0, 100))
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('keeps integers within their bounds and binomial draws near their mean', () => {
    const random = new Random(4);
    const ints = Array.from({ length: 10_000 }, () => random.int(3, 7));
    expect(Math.min(...ints)).toBe(3);
    expect(Math.max(...ints)).toBe(7);
    const mean = (n: number, p: number) =>
      Array.from({ length: 2_000 }, () => random.binomial(n, p)).reduce((a, b) => a + b, 0) / 2_000;
    expect(mean(1_000, 0.03)).toBeCloseTo(30, 0);
    expect(mean(100_000, 0.011)).toBeGreaterThan(1_080);
    expect(mean(100_000, 0.011)).toBeLessThan(1_120);
  });
});
