// The bench's summaries of repeated timings: one home for every bench module.

/** The nearest-rank quantile (q in 0..1): the smallest sample with at least q of the samples at or below it. */
export function quantile(xs: readonly number[], q: number): number {
  if (xs.length === 0) throw new Error('quantile of no samples');
  if (!(q >= 0 && q <= 1)) throw new Error(`quantile ${q} is not between 0 and 1`);
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1))]!;
}

/** The middle sample (the upper one of an even count). */
export function median(xs: readonly number[]): number {
  if (xs.length === 0) throw new Error('median of no samples');
  return [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
}

/** The gaps between successive timestamps (frame times from requestAnimationFrame's). */
export function deltas(times: readonly number[]): number[] {
  return times.slice(1).map((t, i) => t - times[i]!);
}
