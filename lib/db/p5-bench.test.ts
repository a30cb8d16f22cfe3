import { DatabaseSync } from "node:sqlite";
import { afterEach, describe, expect, it } from "vitest";
import { P5_SCHEMA } from "@/scripts/bench/p5-history.mjs";
import { openDb } from "./db";

// The P5 bench copies the schema so it runs without compiling TypeScript: it measures nothing real once it
// drifts from what Wharf creates (its queries: lib/history/db/p5-bench.test.ts).
const flat = (sql: string) => sql.replace(/\s+/g, " ").trim();
const open: { close(): void }[] = [];
afterEach(() => open.splice(0).forEach((db) => db.close()));

describe("the P5 history bench", () => {
  it("creates deploy_history exactly as Wharf's migrations do", () => {
    const wharf = openDb(":memory:");
    const bench = new DatabaseSync(":memory:");
    open.push(wharf, bench);
    bench.exec(P5_SCHEMA);
    const schema = (db: DatabaseSync) =>
      (
        db
          .prepare(
            "SELECT type, name, sql FROM sqlite_schema WHERE tbl_name = 'deploy_history' ORDER BY name",
          )
          .all() as { sql: string }[]
      ).map((row) => ({ ...row, sql: flat(row.sql) }));
    expect(schema(bench)).toEqual(schema(wharf));
  });
});
