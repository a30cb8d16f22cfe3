import { describe, expect, it } from "vitest";
import { renderExposition } from "./exposition";
import { Histogram } from "./histogram";

describe("renderExposition", () => {
  it("writes HELP and TYPE once per family, then its samples with escaped labels", () => {
    const text = renderExposition([
      {
        name: "wharf_host_up",
        help: "Whether it answers.\nOr not \\ at all.",
        type: "gauge",
        samples: [
          { labels: { host: "alpha" }, value: 1 },
          { labels: { host: 'we"ird\nhost\\' }, value: 0 },
        ],
      },
      { name: "process_start_time_seconds", help: "Start.", type: "gauge", samples: [{ value: 12.5 }] },
    ]);
    expect(text).toBe(
      [
        "# HELP wharf_host_up Whether it answers.\\nOr not \\\\ at all.",
        "# TYPE wharf_host_up gauge",
        'wharf_host_up{host="alpha"} 1',
        'wharf_host_up{host="we\\"ird\\nhost\\\\"} 0',
        "# HELP process_start_time_seconds Start.",
        "# TYPE process_start_time_seconds gauge",
        "process_start_time_seconds 12.5",
        "",
      ].join("\n"),
    );
  });

  it("writes NaN and infinities as Prometheus spells them", () => {
    const text = renderExposition([
      {
        name: "x",
        help: "x",
        type: "gauge",
        samples: [{ value: Number.NaN }, { value: Infinity }, { value: -Infinity }],
      },
    ]);
    expect(text.split("\n").slice(2, 5)).toEqual(["x NaN", "x +Inf", "x -Inf"]);
  });
});

describe("Histogram", () => {
  it("keeps cumulative buckets, the sum and the count per label set", () => {
    const histogram = new Histogram([1, 5]);
    histogram.observe({ action: "restart" }, 0.5);
    histogram.observe({ action: "restart" }, 3);
    histogram.observe({ action: "restart" }, 9);
    histogram.observe({ action: "stop" }, 1);
    const text = renderExposition([
      { name: "d", help: "d", type: "histogram", samples: histogram.samples() },
    ]);
    expect(text.split("\n").slice(2, -1)).toEqual([
      'd_bucket{action="restart",le="1"} 1',
      'd_bucket{action="restart",le="5"} 2',
      'd_bucket{action="restart",le="+Inf"} 3',
      'd_sum{action="restart"} 12.5',
      'd_count{action="restart"} 3',
      'd_bucket{action="stop",le="1"} 1',
      'd_bucket{action="stop",le="5"} 1',
      'd_bucket{action="stop",le="+Inf"} 1',
      'd_sum{action="stop"} 1',
      'd_count{action="stop"} 1',
    ]);
  });
});
