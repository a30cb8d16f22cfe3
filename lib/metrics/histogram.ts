import type { Sample } from "./exposition";

type Series = { labels: Record<string, string>; counts: number[]; sum: number; count: number };

/**
 * A Prometheus histogram kept in memory: cumulative bucket counts, sum and count per label set. Counts start
 * at zero with the process, as every Prometheus client's do; `rate()` and `increase()` handle the reset.
 */
export class Histogram {
  private readonly series = new Map<string, Series>();

  constructor(private readonly bounds: readonly number[]) {}

  observe(labels: Record<string, string>, value: number): void {
    const key = JSON.stringify(labels);
    let series = this.series.get(key);
    if (!series) {
      series = { labels, counts: this.bounds.map(() => 0), sum: 0, count: 0 };
      this.series.set(key, series);
    }
    this.bounds.forEach((bound, index) => {
      if (value <= bound) series.counts[index]! += 1;
    });
    series.sum += value;
    series.count += 1;
  }

  samples(): Sample[] {
    const samples: Sample[] = [];
    for (const series of this.series.values()) {
      this.bounds.forEach((bound, index) =>
        samples.push({
          suffix: "_bucket",
          labels: { ...series.labels, le: String(bound) },
          value: series.counts[index]!,
        }),
      );
      samples.push({ suffix: "_bucket", labels: { ...series.labels, le: "+Inf" }, value: series.count });
      samples.push({ suffix: "_sum", labels: series.labels, value: series.sum });
      samples.push({ suffix: "_count", labels: series.labels, value: series.count });
    }
    return samples;
  }
}
