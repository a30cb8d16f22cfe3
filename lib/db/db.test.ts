import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { closeDb, getDb, openDb, type Db } from "./db";
import { migrations } from "./migrations";
import { pluck } from "./sqlite-statements";

let dir: string;
const opened: Db[] = [];
const open = (file: string) => {
  const db = openDb(file);
  opened.push(db);
  return db;
};

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "wharf-db-"));
});
afterEach(() => {
  for (const db of opened.splice(0)) if (db.isOpen) db.close();
  closeDb();
  delete process.env.DATA_DIR;
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("openDb", () => {
  it("opens a file database in WAL mode with foreign keys and a busy timeout", () => {
    const db = open(path.join(dir, "wharf.db"));
    expect(pluck(db.prepare("PRAGMA journal_mode")).get()).toBe("wal");
    expect(pluck(db.prepare("PRAGMA foreign_keys")).get()).toBe(1);
    expect(pluck(db.prepare("PRAGMA busy_timeout")).get()).toBe(5000);
    // 1 = NORMAL: commits do not wait for the disk.
    expect(pluck(db.prepare("PRAGMA synchronous")).get()).toBe(1);
  });

  it("migrates on the first open only, keeping the data on the second", () => {
    const file = path.join(dir, "wharf.db");
    const first = open(file);
    const appliedAt = pluck(first.prepare("SELECT applied_at FROM schema_migrations ORDER BY version")).all();
    expect(appliedAt).toHaveLength(migrations.length);
    first
      .prepare(
        `INSERT INTO incidents (host_id, container_name, container_id, image, kind, opened_at, last_at)
         VALUES ('alpha', 'api', 'c1', 'img', 'oom', '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z')`,
      )
      .run();
    first.close();

    const second = open(file);
    expect(pluck(second.prepare("SELECT applied_at FROM schema_migrations ORDER BY version")).all()).toEqual(
      appliedAt,
    );
    expect(pluck(second.prepare("SELECT count(*) FROM incidents")).get()).toBe(1);
  });
});

describe("getDb", () => {
  it("opens wharf.db in DATA_DIR, creating the directory, and returns the same connection until closed", () => {
    process.env.DATA_DIR = path.join(dir, "nested", "data");
    const db = getDb();
    expect(getDb()).toBe(db);
    expect(db.location()).toBe(path.join(dir, "nested", "data", "wharf.db"));
    expect(fs.existsSync(db.location()!)).toBe(true);
    expect(pluck(db.prepare("PRAGMA journal_mode")).get()).toBe("wal");

    closeDb();
    expect(db.isOpen).toBe(false);
    const reopened = getDb();
    expect(reopened === db).toBe(false);
    expect(reopened.isOpen).toBe(true);
  });

  it("keeps the folder and the database files to their owner, fixing modes left open by earlier starts", () => {
    const data = path.join(dir, "data");
    fs.mkdirSync(data, { mode: 0o755 });
    fs.writeFileSync(path.join(data, "wharf.db"), "");
    fs.chmodSync(data, 0o755);
    fs.chmodSync(path.join(data, "wharf.db"), 0o644);
    process.env.DATA_DIR = data;
    getDb().prepare("SELECT 1").get();
    const mode = (name: string) => (fs.statSync(path.join(data, name)).mode & 0o777).toString(8);
    expect(mode(".")).toBe("700");
    expect(["wharf.db", "wharf.db-wal", "wharf.db-shm"].map(mode)).toEqual(["600", "600", "600"]);
  });
});
