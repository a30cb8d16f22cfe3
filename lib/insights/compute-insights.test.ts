import { describe, expect, it } from "vitest";
import { computeInsights } from "./compute-insights";
import { percentile } from "./percentile";
import type { DeployFact, RestoreFact } from "./types";

const deploy = (at: string, patch: Partial<DeployFact> = {}): DeployFact => ({
  at,
  hostId: "alpha",
  containerName: "shop-web-1",
  project: "shop",
  service: "web",
  outcome: "succeeded",
  crashedAfter: false,
  imageCreated: null,
  ...patch,
});
const incident = (
  openedAt: string,
  endedAt: string | null,
  patch: Partial<RestoreFact> = {},
): RestoreFact => ({
  openedAt,
  endedAt,
  hostId: "alpha",
  containerName: "shop-web-1",
  endReason: endedAt === null ? null : "recovered",
  ...patch,
});

// A week (Dec 1–7) against the week before (Nov 24–30).
const FROM = "2026-12-01T00:00:00.000Z";
const TO = "2026-12-08T00:00:00.000Z";

describe("computeInsights", () => {
  const result = computeInsights({
    from: FROM,
    to: TO,
    deploys: [
      deploy("2026-12-01T10:00:00.000Z", { imageCreated: "2026-12-01T09:00:00Z" }),
      deploy("2026-12-01T11:00:00.000Z", { outcome: "rolled-back" }),
      deploy("2026-12-02T10:00:00.000Z", {
        outcome: "failed",
        hostId: "bravo",
        containerName: "api",
        project: null,
        service: null,
      }),
      deploy("2026-12-03T10:00:00.000Z", { crashedAfter: true, imageCreated: "2026-12-03T07:00:00Z" }),
      deploy("2026-12-04T10:00:00.000Z", { crashedAfter: null, hostId: "bravo", imageCreated: "not a date" }),
      deploy("2026-11-30T10:00:00.000Z"),
      deploy("2026-11-29T10:00:00.000Z", { outcome: "failed" }),
      deploy("2026-11-01T10:00:00.000Z"),
    ],
    incidents: [
      incident("2026-12-03T10:05:00.000Z", "2026-12-03T10:06:00.000Z"),
      incident("2026-12-05T00:00:00.000Z", "2026-12-05T00:03:00.000Z", {
        hostId: "bravo",
        containerName: "api",
      }),
      incident("2026-12-06T00:00:00.000Z", "2026-12-06T00:10:00.000Z", { containerName: "never-deployed" }),
      incident("2026-12-07T00:00:00.000Z", null),
      incident("2026-11-25T00:00:00.000Z", "2026-11-25T01:00:00.000Z"),
    ],
  });

  it("counts deploys, failures (failed, rolled back, crashed within 10 minutes) and the rate", () => {
    expect(result.current).toMatchObject({ deploys: 5, succeeded: 3, failures: 3, changeFailureRate: 3 / 5 });
    expect(result.current.deploysPerDay).toBeCloseTo(3 / 7);
    expect(result.current.deploysPerWeek).toBeCloseTo(3);
    expect(result.previous).toMatchObject({ deploys: 2, succeeded: 1, failures: 1, changeFailureRate: 0.5 });
    expect(result.previousFrom).toBe("2026-11-24T00:00:00.000Z");
  });

  it("gives time to restore and lead time as median and p90", () => {
    expect(result.current.restore).toEqual({
      count: 3,
      open: 1,
      medianMs: 180_000,
      p90Ms: 600_000 - 0.2 * 420_000,
    });
    // 1 h and 3 h (the crashed deploy held its deploy; an unreadable label is left out).
    expect(result.current.leadTime).toEqual({
      count: 2,
      medianMs: 2 * 3_600_000,
      p90Ms: 1.8 * 3_600_000 + 3_600_000,
    });
  });

  it("compares each figure with the previous period, saying whether the change is good news", () => {
    expect(result.trends.deploysPerDay).toMatchObject({ direction: "up", better: true });
    expect(result.trends.changeFailureRate).toMatchObject({
      current: 0.6,
      previous: 0.5,
      direction: "up",
      better: false,
    });
    expect(result.trends.restoreMedianMs).toMatchObject({
      previous: 3_600_000,
      direction: "down",
      better: true,
    });
    expect(result.trends.leadTimeMedianMs).toMatchObject({ previous: null, direction: null, better: null });
  });

  it("draws every day of the period, empty ones included", () => {
    expect(result.days).toHaveLength(7);
    expect(result.days[0]).toEqual({ day: "2026-12-01", succeeded: 1, failed: 1 });
    expect(result.days[6]).toEqual({ day: "2026-12-07", succeeded: 0, failed: 0 });
  });

  it("breaks the figures down per service, project and host", () => {
    expect(result.byService.map((g) => [g.key, g.deploys, g.changeFailureRate, g.previousDeploys])).toEqual([
      ["web", 4, 0.5, 2],
      ["api", 1, 1, 0],
    ]);
    expect(result.byProject.map((g) => [g.key, g.deploys])).toEqual([["shop", 4]]);
    expect(result.byHost.map((g) => [g.key, g.deploys, g.restoreMedianMs])).toEqual([
      ["alpha", 3, 60_000 + 0.5 * 540_000],
      ["bravo", 2, 180_000],
    ]);
    expect(result.byService.find((g) => g.key === "web")!.restoreMedianMs).toBe(60_000);
  });

  it("counts only recoveries for time to restore: an incident ended by a removal or a redeploy is left out", () => {
    const figures = computeInsights({
      from: FROM,
      to: TO,
      deploys: [deploy("2026-12-01T10:00:00.000Z")],
      incidents: [
        incident("2026-12-02T00:00:00.000Z", "2026-12-02T00:01:00.000Z"),
        incident("2026-12-03T00:00:00.000Z", "2026-12-03T05:00:00.000Z", { endReason: "removed" }),
        incident("2026-12-04T00:00:00.000Z", "2026-12-04T05:00:00.000Z", { endReason: "replaced" }),
        incident("2026-12-05T00:00:00.000Z", null),
      ],
    });
    expect(figures.current.restore).toEqual({ count: 1, open: 1, medianMs: 60_000, p90Ms: 60_000 });
    expect(figures.byService.find((g) => g.key === "web")!.restoreMedianMs).toBe(60_000);
  });

  it("has no rate or trend for a period without deploys", () => {
    const empty = computeInsights({ from: FROM, to: TO, deploys: [], incidents: [] });
    expect(empty.current.changeFailureRate).toBeNull();
    expect(empty.trends.deploysPerDay).toMatchObject({ direction: "flat", better: null });
  });
});

describe("percentile", () => {
  it("interpolates between closest ranks", () => {
    expect(percentile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(percentile([10], 0.9)).toBe(10);
    expect(percentile([0, 10], 0.9)).toBe(9);
    expect(percentile([], 0.5)).toBeNull();
  });
});
