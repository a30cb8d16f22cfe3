import { describe, expect, it } from "vitest";
import { layoutTimeline } from "./layout-timeline";

describe("layoutTimeline", () => {
  it("spans every day, empty ones included, with one lane per host and the busiest host-day as the scale", () => {
    const grid = layoutTimeline({
      firstDay: "2025-02-27",
      lastDay: "2025-03-02",
      days: [
        { day: "2025-02-27", hostId: "bravo", outcome: "succeeded", count: 2 },
        { day: "2025-03-01", hostId: "alpha", outcome: "failed", count: 1 },
        { day: "2025-03-01", hostId: "alpha", outcome: "succeeded", count: 3 },
        { day: "2025-03-02", hostId: "alpha", outcome: null, count: 1 },
      ],
    });
    expect(grid.days).toEqual(["2025-02-27", "2025-02-28", "2025-03-01", "2025-03-02"]);
    expect(grid.hosts).toEqual(["alpha", "bravo"]);
    expect(grid.cells.get("alpha 2025-03-01")).toEqual({ failed: 1, succeeded: 3 });
    expect(grid.cells.get("alpha 2025-03-02")).toEqual({ running: 1 });
    expect(grid.cells.has("alpha 2025-02-28")).toBe(false);
    expect(grid.max).toBe(4);
    expect(grid.totals).toEqual({ succeeded: 5, failed: 1, running: 1 });
    expect(grid.total).toBe(7);
  });

  it("starts at the first day with data instead of weeks of empty lanes, showing a week at least", () => {
    const span = { firstDay: "2025-02-01", lastDay: "2025-03-02" };
    const late = layoutTimeline({
      ...span,
      days: [{ day: "2025-02-20", hostId: "a", outcome: "succeeded", count: 1 }],
    });
    expect(late.days[0]).toBe("2025-02-20");
    expect(late.days).toHaveLength(11);
    const recent = layoutTimeline({
      ...span,
      days: [{ day: "2025-03-01", hostId: "a", outcome: "succeeded", count: 1 }],
    });
    expect(recent.days[0]).toBe("2025-02-24");
    expect(layoutTimeline({ ...span, days: [] }).days).toHaveLength(7);
  });

  it("has no lanes and a zero scale when nothing happened", () => {
    const grid = layoutTimeline({ firstDay: "2025-03-01", lastDay: "2025-03-01", days: [] });
    expect(grid).toMatchObject({ days: ["2025-03-01"], hosts: [], max: 0, total: 0 });
  });
});
