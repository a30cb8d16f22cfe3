import { describe, expect, it } from "vitest";
import { chartBars } from "./chart-bars";
import { deployFrequency } from "./deploy-frequency";
import type { PeriodFigures } from "./types";

const period = (deploys: number, days: number): PeriodFigures => ({
  deploys,
  succeeded: deploys,
  failures: 0,
  changeFailureRate: deploys ? 0 : null,
  deploysPerDay: deploys / days,
  deploysPerWeek: (deploys / days) * 7,
  restore: { count: 0, medianMs: null, p90Ms: null, open: 0 },
  leadTime: { count: 0, medianMs: null, p90Ms: null },
});

describe("how often deploys happen", () => {
  it("counts per day while that reads as more than 0", () => {
    expect(deployFrequency(period(21, 7), period(7, 7))).toEqual({
      unit: "day",
      value: "3",
      previous: "1 a day",
    });
  });

  it("counts per week when per day would round to 0", () => {
    // 1 deploy in 30 days: 0.03 a day shows as "0", which reads as never.
    expect(deployFrequency(period(1, 30), period(2, 30))).toEqual({
      unit: "week",
      value: "0.2",
      previous: "0.5 a week",
    });
    // None now, a trickle before: the same unit on both sides.
    expect(deployFrequency(period(0, 30), period(1, 30))).toMatchObject({ unit: "week", value: "0" });
    // None in either: per day, 0, is the truth.
    expect(deployFrequency(period(0, 30), period(0, 30))).toMatchObject({ unit: "day", value: "0" });
  });
});

describe("the deploys chart", () => {
  const day = (n: number, succeeded = 0, failed = 0) => ({
    day: `2026-11-${String(n).padStart(2, "0")}`,
    succeeded,
    failed,
  });

  it("has nothing to draw when the period holds no deploy, so the page can say why", () => {
    expect(chartBars([day(1), day(2), day(3)])).toBeNull();
    expect(chartBars([])).toBeNull();
  });

  it("draws days, and weeks beyond 92 days", () => {
    expect(chartBars([day(1, 2, 1), day(2)])).toEqual({ unit: "day", bars: [day(1, 2, 1), day(2)], max: 3 });
    const long = Array.from({ length: 100 }, (_, i) => ({ day: `d${i}`, succeeded: 1, failed: 0 }));
    const chart = chartBars(long)!;
    expect(chart.unit).toBe("week");
    expect(chart.bars).toHaveLength(15);
    expect(chart.max).toBe(7);
  });
});
