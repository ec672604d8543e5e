/** A figure measured several times: its median and how far the runs spread. */
export interface Spread {
  median: number;
  min: number;
  max: number;
  /** Lower and upper quartile. */
  q1: number;
  q3: number;
  n: number;
}

/**
 * The `p`-th percentile (0–100) of `values` by linear interpolation between closest ranks, the
 * definition NumPy and most benchmark tools use. NaN for no values.
 */
export function percentile(values: readonly number[], p: number): number {
  if (p < 0 || p > 100 || Number.isNaN(p)) throw new RangeError(`percentile must lie in [0, 100], got ${p}`);
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  const lowValue = sorted[low] as number;
  return lowValue + ((sorted[high] as number) - lowValue) * (rank - low);
}

/** Median, min–max and quartiles of repeated measurements. */
export function spreadOf(values: readonly number[]): Spread {
  return {
    median: percentile(values, 50),
    min: values.length === 0 ? Number.NaN : Math.min(...values),
    max: values.length === 0 ? Number.NaN : Math.max(...values),
    q1: percentile(values, 25),
    q3: percentile(values, 75),
    n: values.length,
  };
}

/** Milliseconds since `start` (a `performance.now()` reading). */
export function elapsedMs(start: number): number {
  return performance.now() - start;
}

/** Runs `task` and returns its result with the wall time it took in milliseconds. */
export async function timed<T>(task: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await task();
  return { value, ms: elapsedMs(start) };
}
