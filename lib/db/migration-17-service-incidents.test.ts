import { DatabaseSync } from "node:sqlite";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { getIncident } from "@/lib/incidents/db/get-incident";
import { listIncidents } from "@/lib/incidents/db/list-incidents";
import { kyselyOver } from "./database";
import { migrations } from "./migrations";
import { runMigrations } from "./run-migrations";
import { pluck } from "./sqlite-statements";

let db: DatabaseSync;
beforeEach(() => {
  db = new DatabaseSync(":memory:");
  runMigrations(
    db,
    migrations.filter((m) => m.version < 17),
  );
});
afterEach(() => db.close());

describe("migration 17: one incident model", () => {
  it("moves every service incident into incidents as a service's, and keeps the container incidents as they were", async () => {
    db.exec(`
      INSERT INTO incidents (host_id, container_name, container_id, image, kind, exit_code, opened_at, last_at,
          ended_at, end_reason, notes)
        VALUES ('alpha', 'api', 'c1', 'busybox', 'exit', 3, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z',
          '2026-01-01T00:05:00.000Z', 'recovered', '[{"at":"2026-01-01T00:01:00.000Z","text":"tried"}]');
      INSERT INTO service_incidents (host_id, service_name, service_id, kind, task_id, node_id, error, exit_code,
          log_tail, count, opened_at, last_at, ended_at)
        VALUES ('sierra', 'web', 's1', 'task-failed', 't1', 'n1', 'task: non-zero exit (3)', 3, '["boom"]', 4,
          '2026-01-02T00:00:00.000Z', '2026-01-02T00:01:00.000Z', NULL),
        ('sierra', 'web', 's1', 'short', NULL, NULL, '1 of 2 replicas running', NULL, '[]', 1,
          '2026-01-01T12:00:00.000Z', '2026-01-01T12:00:00.000Z', '2026-01-01T12:05:00.000Z');
    `);
    expect(
      runMigrations(
        db,
        migrations.filter((m) => m.version === 17),
      ),
    ).toEqual([17]);

    const tables = pluck(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'")).all();
    expect(tables).not.toContain("service_incidents");
    expect(await getIncident(kyselyOver(db), 1)).toMatchObject({
      target: "container",
      containerName: "api",
      kind: "exit",
      endReason: "recovered",
      notes: [{ at: "2026-01-01T00:01:00.000Z", text: "tried" }],
    });
    const services = await listIncidents(kyselyOver(db), { target: "service" });
    expect(services).toEqual([
      expect.objectContaining({
        target: "service",
        hostId: "sierra",
        containerName: "web",
        containerId: "s1",
        kind: "task-failed",
        taskId: "t1",
        nodeId: "n1",
        error: "task: non-zero exit (3)",
        exitCode: 3,
        logTail: ["boom"],
        count: 4,
        endedAt: null,
      }),
      expect.objectContaining({
        kind: "short",
        error: "1 of 2 replicas running",
        endedAt: "2026-01-01T12:05:00.000Z",
      }),
    ]);
    expect((await listIncidents(kyselyOver(db), { target: "container" })).map((i) => i.id)).toEqual([1]);
  });

  it("keeps the indexes, and the CHECKs still refuse an unknown kind or target", () => {
    runMigrations(db);
    const indexes = pluck(
      db.prepare(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'incidents' AND sql IS NOT NULL",
      ),
    ).all();
    expect(indexes).toEqual(expect.arrayContaining(["incidents_open_by_container", "incidents_newest"]));
    const insert = (kind: string, target: string) =>
      db
        .prepare(
          `INSERT INTO incidents (host_id, container_name, container_id, image, kind, opened_at, last_at, target)
           VALUES ('a', 'b', 'c', '', ?, 'x', 'x', ?)`,
        )
        .run(kind, target);
    expect(() => insert("short", "service")).not.toThrow();
    expect(() => insert("exploded", "service")).toThrow(/CHECK/);
    expect(() => insert("exit", "volume")).toThrow(/CHECK/);
  });
});
