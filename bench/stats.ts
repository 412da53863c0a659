// Timing helpers shared by the benches.
import { performance } from "node:perf_hooks";

/** Milliseconds on a clock shared by every process on this machine (sub-millisecond resolution). */
export function wallMs(): number {
  return performance.timeOrigin + performance.now();
}

export function nowMs(): number {
  return performance.now();
}

/** Nearest-rank percentile (p in 0..100) of unsorted samples, rounded to 0.01 ms. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return round(sorted[rank - 1] ?? Number.NaN);
}

export function round(ms: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(ms * f) / f;
}

export const log = (msg: string): void => {
  process.stderr.write(`[bench] ${msg}\n`);
};
