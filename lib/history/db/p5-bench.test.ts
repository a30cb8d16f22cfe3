import { afterEach, describe, expect, it } from "vitest";
import { P5_SQL } from "@/scripts/bench/p5-history.mjs";
import { kyselyOver } from "@/lib/db/database";
import { openDb } from "@/lib/db/db";
import { deploysPerDayQuery } from "./count-deploys-per-day";
import { historyPageQuery } from "./list-history";

// The P5 bench copies the queries so it runs without compiling TypeScript: it measures nothing real once they
// drift from what Wharf runs (its schema: lib/db/p5-bench.test.ts).
const flat = (sql: string) => sql.replace(/\s+/g, " ").trim();
const open: { close(): void }[] = [];
afterEach(() => open.splice(0).forEach((db) => db.close()));

describe("the P5 history bench", () => {
  it("runs the SQL listHistory and the chart run for its filters", () => {
    const wharf = openDb(":memory:");
    open.push(wharf);
    const db = kyselyOver(wharf);
    const pageSql = (request: Parameters<typeof historyPageQuery>[1]) =>
      flat(historyPageQuery(db, request).query.compile().sql);
    expect(pageSql({ hostId: "a", containerName: "b" })).toBe(flat(P5_SQL.hostContainer));
    expect(pageSql({ actor: "a" })).toBe(flat(P5_SQL.actor));
    expect(pageSql({ from: "2025-01-01T00:00:00.000Z", to: "2025-01-08T00:00:00.000Z" })).toBe(
      flat(P5_SQL.dateRange),
    );
    expect(flat(deploysPerDayQuery(db, {}, { days: 30 }).query.compile().sql)).toBe(flat(P5_SQL.timeline));
  });
});
