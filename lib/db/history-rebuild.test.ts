import { DatabaseSync } from "node:sqlite";
import { afterEach, describe, expect, it } from "vitest";
import { migrations } from "./migrations";
import { runMigrations } from "./run-migrations";
import { pluck } from "./sqlite-statements";

const open: DatabaseSync[] = [];
afterEach(() => open.splice(0).forEach((db) => db.close()));

describe("migration 8 (deploy_history rebuilt for changes made outside Wharf)", () => {
  it("keeps every row, the journal and the indexes, and takes the new actions and their detail", () => {
    const db = new DatabaseSync(":memory:");
    open.push(db);
    db.exec("PRAGMA foreign_keys = ON");
    runMigrations(
      db,
      migrations.filter((m) => m.version < 8),
    );
    const indexes = () =>
      db
        .prepare(
          "SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'deploy_history' ORDER BY name",
        )
        .all();
    const before = indexes();
    db.exec(`INSERT INTO deploy_history (at, actor, source, action, host_id, container_name, outcome)
             VALUES ('2025-03-01T10:00:00.000Z', 'alice', 'ui', 'redeploy', 'alpha', 'web', NULL)`);
    db.exec(
      `INSERT INTO deploy_journal VALUES (1, 'alpha', 'web', 'old', 'web-wharf-old-1', 1, NULL, 'creating', 'x')`,
    );

    // Up to 8 only: later migrations add indexes of their own (11: the redeploys insights read).
    expect(
      runMigrations(
        db,
        migrations.filter((m) => m.version <= 8),
      ),
    ).toContain(8);
    expect(db.prepare("SELECT id, actor, action, detail FROM deploy_history").all()).toEqual([
      { id: 1, actor: "alice", action: "redeploy", detail: null },
    ]);
    expect(db.prepare("SELECT history_id, step FROM deploy_journal").all()).toEqual([
      { history_id: 1, step: "creating" },
    ]);
    expect(indexes()).toEqual(before);
    expect(db.prepare("PRAGMA foreign_key_check").all()).toEqual([]);
    db.exec(`INSERT INTO deploy_history (at, actor, source, action, host_id, container_name, detail)
             VALUES ('2025-03-01T11:00:00.000Z', 'external', 'external', 'kill', 'alpha', 'web', 'SIGKILL')`);
    expect(pluck(db.prepare("SELECT max(id) FROM deploy_history")).get()).toBe(2);
    expect(() =>
      db.exec(`INSERT INTO deploy_history (at, actor, source, action, host_id, container_name)
               VALUES ('x', 'a', 'ui', 'explode', 'alpha', 'web')`),
    ).toThrow(/CHECK/);
  });
});
