import type { Kysely } from "kysely";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { dialects, freshDatabase, type TestDatabase } from "@/tests/support/dialects";
import { countDeploysPerDay } from "./count-deploys-per-day";
import type { HistoryTables } from "./history-table";
import { insertHistory, type TestHistory } from "./test-history";

const now = Date.parse("2025-03-31T15:00:00.000Z");

describe.each(dialects)("countDeploysPerDay on %s", (dialect) => {
  let test: TestDatabase;
  let db: Kysely<HistoryTables>;
  beforeAll(async () => {
    test = await freshDatabase(dialect);
    db = test.db;
  });
  afterAll(() => test?.close());
  beforeEach(async () => {
    await db.deleteFrom("deploy_history").execute();
  });
  const add = (at: string, overrides: TestHistory = {}) => insertHistory(db, { at, ...overrides });

  it("counts per UTC day, host and outcome, a running action as a null outcome", async () => {
    await add("2025-03-30T23:59:59.999Z");
    await add("2025-03-30T00:00:00.000Z");
    await add("2025-03-30T12:00:00.000Z", { outcome: "failed" });
    await add("2025-03-30T13:00:00.000Z", { hostId: "beta" });
    await add("2025-03-31T00:00:00.000Z");
    await add("2025-03-31T14:00:00.000Z", { outcome: null });

    expect(await countDeploysPerDay(db, {}, { now })).toEqual({
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

  it("keeps to the last N days, today included", async () => {
    await add("2025-03-01T23:00:00.000Z");
    await add("2025-03-02T00:00:00.000Z");
    await add("2025-03-29T08:00:00.000Z");
    const timeline = await countDeploysPerDay(db, {}, { now });
    expect(timeline.days.map((d) => d.day)).toEqual(["2025-03-02", "2025-03-29"]);

    const week = await countDeploysPerDay(db, {}, { now, days: 7 });
    expect([week.firstDay, week.lastDay]).toEqual(["2025-03-25", "2025-03-31"]);
    expect(week.days.map((d) => d.day)).toEqual(["2025-03-29"]);
  });

  it("ends the span with the day before an exclusive `to` and starts it no earlier than `from`", async () => {
    await add("2025-01-10T08:00:00.000Z");
    await add("2025-01-14T08:00:00.000Z");
    await add("2025-01-15T00:00:00.000Z");
    const range = await countDeploysPerDay(
      db,
      { from: "2025-01-10T12:00:00.000Z", to: "2025-01-15T00:00:00.000Z" },
      { now },
    );
    expect([range.firstDay, range.lastDay]).toEqual(["2025-01-10", "2025-01-14"]);
    expect(range.days).toEqual([{ day: "2025-01-14", hostId: "alpha", outcome: "succeeded", count: 1 }]);
  });

  it("counts only what the filter matches", async () => {
    await add("2025-03-30T08:00:00.000Z", { actor: "bob" });
    await add("2025-03-30T09:00:00.000Z", { actor: "bob", outcome: "rolled-back" });
    await add("2025-03-30T10:00:00.000Z");
    expect((await countDeploysPerDay(db, { actor: "bob" }, { now })).days).toEqual([
      { day: "2025-03-30", hostId: "alpha", outcome: "rolled-back", count: 1 },
      { day: "2025-03-30", hostId: "alpha", outcome: "succeeded", count: 1 },
    ]);
    expect(
      (await countDeploysPerDay(db, { outcome: "rolled-back", hostId: "alpha" }, { now })).days,
    ).toHaveLength(1);
  });
});
