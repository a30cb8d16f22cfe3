import { DatabaseSync } from "node:sqlite";
import { afterEach, beforeEach, expect, it } from "vitest";
import { migrations } from "./migrations";
import { runMigrations } from "./run-migrations";
import { pluck } from "./sqlite-statements";

let db: DatabaseSync;
beforeEach(() => {
  db = new DatabaseSync(":memory:");
});
afterEach(() => db.close());

it("migration 6 leaves the environment keys of old history rows and drops their values", () => {
  runMigrations(
    db,
    migrations.filter((m) => m.version < 6),
  );
  const insert = db.prepare(
    `INSERT INTO deploy_history (at, actor, source, action, host_id, container_name, config_diff)
     VALUES ('2026-11-01T00:00:00.000Z', 'ann', 'ui', 'redeploy', 'alpha', 'web', ?)`,
  );
  const old = [
    { field: "Image (id)", before: "sha256:1", after: "sha256:2" },
    { field: "Config.Env", before: ["SECRET=hunter2", "GONE=x1"], after: ["SECRET=swordfish", "NEW=y2"] },
  ];
  insert.run(JSON.stringify(old));
  insert.run(JSON.stringify([{ field: "Env", before: ["A=1"], after: ["A=2"] }]));
  insert.run("[]");

  expect(runMigrations(db)).toContain(6);
  const diffs = pluck(db.prepare("SELECT config_diff FROM deploy_history ORDER BY id")).all() as string[];
  expect(JSON.parse(diffs[0]!)).toEqual([
    old[0],
    { field: "Config.Env", added: ["NEW"], removed: ["GONE"], changed: ["SECRET"] },
  ]);
  expect(JSON.parse(diffs[1]!)).toEqual([{ field: "Env", added: [], removed: [], changed: ["A"] }]);
  expect(diffs[2]).toBe("[]");
  expect(diffs.join()).not.toMatch(/hunter2|swordfish|x1|y2/);
});
