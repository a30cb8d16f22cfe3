import "server-only";
import type { Migration } from "./migration";

export const migration12: Migration = {
  version: 12,
  // Swarm services (issue 13) keep their own history and incidents: a service is not a container (no container
  // id, a replica count, digests resolved by the manager), and new tables leave deploy_history and incidents,
  // their CHECKs and indexes, exactly as every other feature reads them. `update` is a change made outside
  // Wharf (a `docker service update`), always with source 'external'.
  sql: `
      CREATE TABLE service_history (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        source TEXT NOT NULL CHECK (source IN ('ui', 'api', 'autoheal', 'external')),
        action TEXT NOT NULL CHECK (action IN ('redeploy', 'rollback', 'scale', 'restart', 'update')),
        host_id TEXT NOT NULL,
        service_name TEXT NOT NULL,
        service_id TEXT NOT NULL,
        image_before TEXT,
        image_after TEXT,
        digest_before TEXT,
        digest_after TEXT,
        replicas_before INTEGER,
        replicas_after INTEGER,
        version_before INTEGER,
        version_after INTEGER,
        outcome TEXT CHECK (outcome IN ('succeeded', 'failed', 'rolled-back', 'no-change')),
        error TEXT,
        duration_ms INTEGER
      );
      CREATE INDEX service_history_by_service ON service_history (host_id, service_name, at DESC, id DESC);
      CREATE INDEX service_history_by_time ON service_history (at DESC, id DESC);

      CREATE TABLE service_incidents (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        host_id TEXT NOT NULL,
        service_name TEXT NOT NULL,
        service_id TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('task-failed', 'short')),
        task_id TEXT,
        node_id TEXT,
        error TEXT,
        exit_code INTEGER,
        log_tail TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(log_tail) AND json_type(log_tail) = 'array'),
        count INTEGER NOT NULL DEFAULT 1 CHECK (count >= 1),
        opened_at TEXT NOT NULL,
        last_at TEXT NOT NULL,
        ended_at TEXT
      );
      CREATE INDEX service_incidents_open ON service_incidents (host_id, service_name, kind) WHERE ended_at IS NULL;
      CREATE INDEX service_incidents_newest ON service_incidents (opened_at DESC, id DESC);
  `,
};
