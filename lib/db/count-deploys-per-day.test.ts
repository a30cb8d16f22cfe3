import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { countDeploysPerDay } from "./count-deploys-per-day";
import { openDb, type Db } from "./db";
import { insertHistory, type TestHistory } from "./test-history";

let db: Db;
beforeEach(() => {
  db = openDb(":memory:");
});
afterEach(() => db.close());

const now = Date.parse("2025-03-31T15:00:00.000Z");
const add = (at: string, overrides: TestHistory = {}) => insertHistory(db, { at, ...overrides });

describe("countDeploysPerDay", () => {
  it("counts per UTC day, host and outcome, a running action as a null outcome", () => {
    add("2025-03-30T23:59:59.999Z");
    add("2025-03-30T00:00:00.000Z");
    add("2025-03-30T12:00:00.000Z", { outcome: "failed" });
    add("2025-03-30T13:00:00.000Z", { hostId: "beta" });
    add("2025-03-31T00:00:00.000Z");
    add("2025-03-31T14:00:00.000Z", { outcome: null });

    expect(countDeploysPerDay(db, {}, { now })).toEqual({
      firstDay: "2025-03-02",
      lastDay: "2025-03-31",
      days: [
        { day: "2025-03-30", hostId: "alpha", outcome: "failed", count: 1 },
        { day: "2025-03-30", hostId: "alpha", outcome: "succeeded", count: 2 },
        { day: "2025-03-30", hostId: "beta", outcome: "succeeded", count: 1 },
        { day: "2025-03-31", hostId: "alpha", outcome: null, count: 1 },
        { day: "2025-03-31", hostId: "alpha", outcome: "succeeded", count: 1 },
      ],
    });
  });

  it("keeps to the last N days, today included", () => {
    add("2025-03-01T23:00:00.000Z");
    add("2025-03-02T00:00:00.000Z");
    add("2025-03-29T08:00:00.000Z");
    const timeline = countDeploysPerDay(db, {}, { now });
    expect(timeline.days.map((d) => d.day)).toEqual(["2025-03-02", "2025-03-29"]);

    const week = countDeploysPerDay(db, {}, { now, days: 7 });
    expect([week.firstDay, week.lastDay]).toEqual(["2025-03-25", "2025-03-31"]);
    expect(week.days.map((d) => d.day)).toEqual(["2025-03-29"]);
  });

  it("ends the span with the day before an exclusive `to` and starts it no earlier than `from`", () => {
    add("2025-01-10T08:00:00.000Z");
    add("2025-01-14T08:00:00.000Z");
    add("2025-01-15T00:00:00.000Z");
    const range = countDeploysPerDay(
      db,
      { from: "2025-01-10T12:00:00.000Z", to: "2025-01-15T00:00:00.000Z" },
      { now },
    );
    expect([range.firstDay, range.lastDay]).toEqual(["2025-01-10", "2025-01-14"]);
    expect(range.days).toEqual([{ day: "2025-01-14", hostId: "alpha", outcome: "succeeded", count: 1 }]);
  });

  it("counts only what the filter matches", () => {
    add("2025-03-30T08:00:00.000Z", { actor: "bob" });
    add("2025-03-30T09:00:00.000Z", { actor: "bob", outcome: "rolled-back" });
    add("2025-03-30T10:00:00.000Z");
    expect(countDeploysPerDay(db, { actor: "bob" }, { now }).days).toEqual([
      { day: "2025-03-30", hostId: "alpha", outcome: "rolled-back", count: 1 },
      { day: "2025-03-30", hostId: "alpha", outcome: "succeeded", count: 1 },
    ]);
    expect(countDeploysPerDay(db, { outcome: "rolled-back", hostId: "alpha" }, { now }).days).toHaveLength(1);
  });
});
