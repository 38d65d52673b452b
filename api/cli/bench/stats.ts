/** Percentiles and summaries for the benchmark figures. */

/** Summary of a sample, in the sample's unit (rounded to 0.1). */
export interface Summary {
  n: number;
  p50: number | null;
  p95: number | null;
  p99: number | null;
  max: number | null;
  mean: number | null;
}

const round = (v: number) => Math.round(v * 10) / 10;

/** The q-quantile (0–1) by nearest rank; null for an empty sample. */
export function percentile(values: readonly number[], q: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank]!;
}

/** p50, p95, p99, max and mean of a sample. */
export function summarise(values: readonly number[]): Summary {
  const pick = (q: number) => {
    const v = percentile(values, q);
    return v === null ? null : round(v);
  };
  return {
    n: values.length,
    p50: pick(0.5),
    p95: pick(0.95),
    p99: pick(0.99),
    max: pick(1),
    mean: values.length ? round(values.reduce((a, b) => a + b, 0) / values.length) : null,
  };
}
