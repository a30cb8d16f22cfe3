// Median and p95 by nearest rank: always a value that was actually measured, never an interpolation.

export function percentile(values, p) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1];
}

/** The figure shape the report prints: median and p95 over trials. */
export function summarize(values) {
  return {
    n: values.length,
    median: percentile(values, 50),
    p95: percentile(values, 95),
    min: Math.min(...values),
    max: Math.max(...values),
  };
}

/** A figure that is one measurement (a size, a count), printed once rather than as median/p95. */
export function single(value) {
  return { n: 1, single: value };
}
