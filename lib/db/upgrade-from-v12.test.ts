import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { DatabaseSync } from "node:sqlite";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { listAutohealPolicies } from "@/lib/autoheal/db/list-autoheal-policies";
import type { AutohealTables } from "@/lib/autoheal/db/policy-table";
import { getDatabase } from "./database";
import { closeDb, getDb } from "./db";
import { migrations } from "./migrations";
import { pluck } from "./sqlite-statements";

// A database written by the release before the data layer (tests/fixtures/make-wharf-db-v12.ts).
const dump = fs.readFileSync(path.join(__dirname, "../../tests/fixtures/wharf-db-v12.sql"), "utf8");
let dir: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "wharf-v12-"));
  process.env.DATA_DIR = dir;
  delete process.env.DATABASE_URL;
});
afterEach(() => {
  closeDb();
  delete process.env.DATA_DIR;
  fs.rmSync(dir, { recursive: true, force: true });
});

const tablesOf = (db: DatabaseSync) =>
  pluck(
    db.prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    ),
  ).all() as string[];
const rowsOf = (db: DatabaseSync, table: string) =>
  db.prepare(`SELECT * FROM "${table}" ORDER BY rowid`).all();

describe("a database written by the release before the data layer", () => {
  it("opens in place on first start with every row of every table kept, and its schema current", async () => {
    const file = path.join(dir, "wharf.db");
    const made = new DatabaseSync(file);
    made.exec(dump);
    const before = new Map(tablesOf(made).map((table) => [table, rowsOf(made, table)]));
    made.close();
    // Rows in every table, or the fixture proves nothing for that table.
    for (const [table, rows] of before)
      if (table !== "schema_migrations") expect(rows, table).not.toHaveLength(0);

    const db = getDb();
    for (const [table, rows] of before) {
      if (table === "schema_migrations") continue;
      // Later migrations add columns (and may fill them): every row keeps every value it had.
      const columns = Object.keys(rows[0] as object);
      const pick = (row: unknown) =>
        Object.fromEntries(columns.map((column) => [column, (row as Record<string, unknown>)[column]]));
      if (table === "service_incidents") {
        // Migration 17: a service's incidents are incidents whose target is the service.
        const moved = db
          .prepare(
            `SELECT host_id, container_name AS service_name, container_id AS service_id, kind, task_id, node_id,
               error, exit_code, log_tail, count, opened_at, last_at, ended_at
             FROM incidents WHERE target = 'service' ORDER BY id`,
          )
          .all();
        // They get new ids among the incidents; every other value is kept.
        const withoutId = (row: unknown) => ({ ...pick(row), id: undefined });
        expect(moved.map(withoutId), table).toEqual(rows.map(withoutId));
        continue;
      }
      const kept = rowsOf(db, table).slice(0, rows.length).map(pick);
      expect(kept, table).toEqual(rows);
    }
    const versions = pluck(db.prepare("SELECT version FROM schema_migrations ORDER BY version")).all();
    expect(versions).toEqual(migrations.map((m) => m.version));
    expect(pluck(db.prepare("PRAGMA journal_mode")).get()).toBe("wal");
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);

    // The converted feature reads the same rows through the typed layer, on the same connection.
    const policies = await listAutohealPolicies(await getDatabase<AutohealTables>());
    expect(policies.map((p) => [p.hostId, p.project, p.graceSeconds, p.createdBy])).toEqual([
      ["alpha", null, 5, "admin"],
      ["bravo", "shop", 0.25, "token:ci"],
      [null, "shop", null, "admin"],
    ]);
  });
});
