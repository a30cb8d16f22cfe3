import { DatabaseSync } from "node:sqlite";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { migrations } from "./migrations";
import { runMigrations } from "./run-migrations";
import { pluck } from "./sqlite-statements";

let db: DatabaseSync;
beforeEach(() => {
  db = new DatabaseSync(":memory:");
});
afterEach(() => db.close());

const versions = () =>
  db.prepare("SELECT version, applied_at FROM schema_migrations ORDER BY version").all() as {
    version: number;
    applied_at: string;
  }[];
const tables = () =>
  (pluck(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'")).all() as string[]).sort();

describe("runMigrations", () => {
  it("creates the incidents table and records each version once, however often it runs", () => {
    expect(runMigrations(db)).toEqual(migrations.map((m) => m.version));
    const first = versions();
    expect(first.map((v) => v.version)).toEqual(migrations.map((m) => m.version));
    expect(tables()).toContain("incidents");

    expect(runMigrations(db)).toEqual([]);
    expect(versions()).toEqual(first);
  });

  it("keeps the shipped migrations in strictly ascending versions", () => {
    const list = migrations.map((m) => m.version);
    expect(list).toEqual([...new Set(list)].sort((a, b) => a - b));
    expect(list[0]).toBe(1);
  });

  it("applies pending migrations in version order, whatever order they are listed in", () => {
    const applied = runMigrations(db, [
      { version: 2, sql: "ALTER TABLE t ADD COLUMN b TEXT" },
      { version: 1, sql: "CREATE TABLE t (a TEXT)" },
    ]);
    expect(applied).toEqual([1, 2]);
    const columns = pluck(db.prepare("SELECT name FROM pragma_table_info('t')")).all();
    expect(columns).toEqual(["a", "b"]);
  });

  it("rolls a failing migration back whole and does not record it, so a fixed one runs next time", () => {
    runMigrations(db, [{ version: 1, sql: "CREATE TABLE t (a TEXT)" }]);
    const broken = { version: 2, sql: "CREATE TABLE half (a TEXT); INSERT INTO nowhere VALUES (1);" };
    expect(() => runMigrations(db, [{ version: 1, sql: "" }, broken])).toThrow(/no such table: nowhere/);
    expect(tables()).not.toContain("half");
    expect(versions().map((v) => v.version)).toEqual([1]);

    const fixed = { version: 2, sql: "CREATE TABLE half (a TEXT);" };
    expect(runMigrations(db, [{ version: 1, sql: "" }, fixed])).toEqual([2]);
    expect(tables()).toContain("half");
  });
});
