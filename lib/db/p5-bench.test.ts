import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { P5_SCHEMA, P5_SQL } from "@/scripts/bench/p5-history.mjs";
import { deploysPerDayQuery } from "./count-deploys-per-day";
import { openDb } from "./db";
import { historyPageQuery } from "./list-history";

// The P5 bench copies the schema and the queries so it runs without compiling TypeScript: it measures
// nothing real once they drift from what Wharf creates and runs.
const flat = (sql: string) => sql.replace(/\s+/g, " ").trim();
const open: { close(): void }[] = [];
afterEach(() => open.splice(0).forEach((db) => db.close()));

describe("the P5 history bench", () => {
  it("creates deploy_history exactly as Wharf's migrations do", () => {
    const wharf = openDb(":memory:");
    const bench = new Database(":memory:");
    open.push(wharf, bench);
    bench.exec(P5_SCHEMA);
    const schema = (db: Database.Database) =>
      (
        db
          .prepare(
            "SELECT type, name, sql FROM sqlite_schema WHERE tbl_name = 'deploy_history' ORDER BY name",
          )
          .all() as { sql: string }[]
      ).map((row) => ({ ...row, sql: flat(row.sql) }));
    expect(schema(bench)).toEqual(schema(wharf));
  });

  it("runs the SQL listHistory and the chart run for its filters", () => {
    expect(flat(historyPageQuery({ hostId: "a", containerName: "b" }).sql)).toBe(flat(P5_SQL.hostContainer));
    expect(flat(historyPageQuery({ actor: "a" }).sql)).toBe(flat(P5_SQL.actor));
    expect(
      flat(historyPageQuery({ from: "2025-01-01T00:00:00.000Z", to: "2025-01-08T00:00:00.000Z" }).sql),
    ).toBe(flat(P5_SQL.dateRange));
    expect(flat(deploysPerDayQuery({}, { days: 30 }).sql)).toBe(flat(P5_SQL.timeline));
  });
});
