import { DatabaseSync } from "node:sqlite";
import { describe, expect, it } from "vitest";
import { cachedStatement } from "./cached-statement";

describe("cachedStatement", () => {
  it("compiles a statement once and hands the same one back", () => {
    const db = new DatabaseSync(":memory:");
    expect(cachedStatement(db, "SELECT 1 AS one")).toBe(cachedStatement(db, "SELECT 1 AS one"));
    expect(cachedStatement(db, "SELECT 1 AS one").all([])).toEqual([{ one: 1 }]);
    db.close();
  });

  it("keeps the most recently used statements when the SQL texts never repeat", () => {
    const db = new DatabaseSync(":memory:");
    const kept = cachedStatement(db, "SELECT 0 AS n");
    const first = cachedStatement(db, "SELECT 1 AS n");
    for (let i = 2; i <= 600; i++) {
      cachedStatement(db, `SELECT ${i} AS n`);
      // Used all along: never the least recently used, so never dropped.
      expect(cachedStatement(db, "SELECT 0 AS n")).toBe(kept);
    }
    // Unused for 599 other texts: dropped, so asking again compiles a new one.
    expect(cachedStatement(db, "SELECT 1 AS n")).not.toBe(first);
    expect(cachedStatement(db, "SELECT 600 AS n").all([])).toEqual([{ n: 600 }]);
    db.close();
  });
});
