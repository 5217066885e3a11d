/** Percentile of a sample (nearest rank), in the sample's unit. */
export const percentile = (values: readonly number[], p: number): number => {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
};

export const round = (value: number, digits = 2): number => Number(value.toFixed(digits));

/** Runs `task` `count` times with `concurrency` workers; returns each run's duration in ms. */
export async function timed(
  count: number,
  concurrency: number,
  task: (i: number) => Promise<void>,
): Promise<number[]> {
  const durations: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (;;) {
        const i = next++;
        if (i >= count) return;
        const started = process.hrtime.bigint();
        await task(i);
        durations.push(Number(process.hrtime.bigint() - started) / 1e6);
      }
    }),
  );
  return durations;
}
