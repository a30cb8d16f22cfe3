import type { DayCount } from "./types";

export type ChartBars = { unit: "day" | "week"; bars: DayCount[]; max: number };

/**
 * The deploys chart's bars: days, or weeks over 92 days so each stays wide enough to see. Null when the period
 * holds no deploy at all, so the page says so instead of drawing an empty frame.
 */
export function chartBars(days: DayCount[]): ChartBars | null {
  if (days.every((d) => d.succeeded + d.failed === 0)) return null;
  const weekly = days.length > 92;
  const bars = weekly ? byWeek(days) : days;
  return {
    unit: weekly ? "week" : "day",
    bars,
    max: Math.max(1, ...bars.map((d) => d.succeeded + d.failed)),
  };
}

function byWeek(days: DayCount[]): DayCount[] {
  const weeks: DayCount[] = [];
  days.forEach((d, i) => {
    if (i % 7 === 0) weeks.push({ day: d.day, succeeded: 0, failed: 0 });
    const week = weeks.at(-1)!;
    week.succeeded += d.succeeded;
    week.failed += d.failed;
  });
  return weeks;
}
