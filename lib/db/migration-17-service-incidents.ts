import "server-only";
import type { DatabaseSync } from "node:sqlite";
import type { Migration } from "./migration";
import { pluck } from "./sqlite-statements";

const OLD_KINDS = "CHECK (kind IN ('exit', 'oom', 'restart-loop', 'unhealthy', 'dead'))";
const NEW_KINDS =
  "CHECK (kind IN ('exit', 'oom', 'restart-loop', 'unhealthy', 'dead', 'task-failed', 'short'))";

/**
 * One incident model (issue 22.7): a swarm service's incidents move into `incidents`, with a `target` saying
 * what failed. A service's name and id go where a container's do (`container_name`, `container_id`: the
 * target's), so every lookup, index and page reads both. The kind CHECK must admit the service kinds, and SQLite
 * cannot alter a CHECK: the table is rebuilt from its own stored definition (the documented way), so columns
 * other migrations added come along untouched. Every service incident row is kept.
 */
function unify(db: DatabaseSync): void {
  const table = pluck(
    db.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'incidents'"),
  ).get() as string;
  if (!table.includes(OLD_KINDS))
    throw new Error("incidents: the kind CHECK is not the one migration 1 made");
  const indexes = pluck(
    db.prepare(
      "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'incidents' AND sql IS NOT NULL",
    ),
  ).all() as string[];
  db.exec(
    table
      .replace(OLD_KINDS, NEW_KINDS)
      .replace(/^CREATE TABLE incidents\b/, "CREATE TABLE incidents_unified"),
  );
  db.exec(`
    INSERT INTO incidents_unified SELECT * FROM incidents;
    DROP TABLE incidents;
    ALTER TABLE incidents_unified RENAME TO incidents;
  `);
  for (const index of indexes) db.exec(index);
  db.exec(`
    ALTER TABLE incidents ADD COLUMN target TEXT NOT NULL DEFAULT 'container' CHECK (target IN ('container', 'service'));
    ALTER TABLE incidents ADD COLUMN task_id TEXT;
    ALTER TABLE incidents ADD COLUMN node_id TEXT;
    ALTER TABLE incidents ADD COLUMN error TEXT;
    INSERT INTO incidents (target, host_id, container_name, container_id, image, kind, task_id, node_id, error,
        exit_code, log_tail, count, opened_at, last_at, ended_at)
      SELECT 'service', host_id, service_name, service_id, '', kind, task_id, node_id, error, exit_code, log_tail,
        count, opened_at, last_at, ended_at
      FROM service_incidents ORDER BY id;
    DROP TABLE service_incidents;
  `);
}

export const migration17: Migration = {
  version: 17,
  sql: "",
  run: unify,
  // PostgreSQL alters a CHECK in place (its default name is table_column_check), so no rebuild is needed there.
  postgres: `
    ALTER TABLE incidents DROP CONSTRAINT incidents_kind_check;
    ALTER TABLE incidents ADD CONSTRAINT incidents_kind_check
      CHECK (kind IN ('exit', 'oom', 'restart-loop', 'unhealthy', 'dead', 'task-failed', 'short'));
    ALTER TABLE incidents ADD COLUMN target TEXT NOT NULL DEFAULT 'container' CHECK (target IN ('container', 'service'));
    ALTER TABLE incidents ADD COLUMN task_id TEXT;
    ALTER TABLE incidents ADD COLUMN node_id TEXT;
    ALTER TABLE incidents ADD COLUMN error TEXT;
    INSERT INTO incidents (target, host_id, container_name, container_id, image, kind, task_id, node_id, error,
        exit_code, log_tail, count, opened_at, last_at, ended_at)
      SELECT 'service', host_id, service_name, service_id, '', kind, task_id, node_id, error, exit_code, log_tail,
        count, opened_at, last_at, ended_at
      FROM service_incidents ORDER BY id;
    DROP TABLE service_incidents;
  `,
};
