import type { MetricFamily, Sample } from "./exposition";

export function gauge(name: string, help: string, samples: Sample[]): MetricFamily {
  return { name, help, type: "gauge", samples };
}
