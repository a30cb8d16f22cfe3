import "server-only";
import type { Migration } from "./migration";

export const migration13: Migration = {
  version: 13,
  // An admin's image prune (issue 27) is a history row too: the action CHECK widens to 'prune'. Such a row is
  // about a host, not a container, so its container_name is ''. SQLite cannot alter a CHECK: as in migration 8,
  // the table is rebuilt with every column since (migration 11's included) and every index made again, the
  // journal's rows stepping aside while the old table is dropped.
  sql: `
      CREATE TEMP TABLE deploy_journal_kept AS SELECT * FROM deploy_journal;
      DELETE FROM deploy_journal;
      CREATE TABLE deploy_history_rebuilt (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        source TEXT NOT NULL CHECK (source IN ('ui', 'api', 'autoheal', 'external')),
        action TEXT NOT NULL CHECK (action IN ('start', 'stop', 'restart', 'redeploy', 'rollback', 'kill', 'pause', 'unpause', 'remove', 'prune')),
        host_id TEXT NOT NULL,
        container_name TEXT NOT NULL,
        container_id_before TEXT,
        container_id_after TEXT,
        image_ref TEXT,
        image_id_before TEXT,
        image_id_after TEXT,
        digest_before TEXT,
        digest_after TEXT,
        config_diff TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(config_diff)),
        outcome TEXT CHECK (outcome IN ('succeeded', 'failed', 'rolled-back', 'no-change')),
        error TEXT,
        duration_ms INTEGER,
        crashed_after INTEGER,
        detail TEXT,
        project TEXT,
        service TEXT,
        provenance_before TEXT CHECK (provenance_before IS NULL OR json_valid(provenance_before)),
        provenance_after TEXT CHECK (provenance_after IS NULL OR json_valid(provenance_after)),
        steps TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(steps) AND json_type(steps) = 'array')
      );
      INSERT INTO deploy_history_rebuilt SELECT id, at, actor, source, action, host_id, container_name,
        container_id_before, container_id_after, image_ref, image_id_before, image_id_after, digest_before,
        digest_after, config_diff, outcome, error, duration_ms, crashed_after, detail, project, service,
        provenance_before, provenance_after, steps
      FROM deploy_history;
      DROP TABLE deploy_history;
      ALTER TABLE deploy_history_rebuilt RENAME TO deploy_history;
      CREATE INDEX deploy_history_by_container ON deploy_history (host_id, container_name, at DESC, id DESC);
      CREATE INDEX deploy_history_by_actor ON deploy_history (actor, at DESC, id DESC);
      CREATE INDEX deploy_history_by_time ON deploy_history (at DESC, id DESC);
      CREATE INDEX deploy_history_by_host ON deploy_history (host_id, at DESC, id DESC);
      CREATE INDEX deploy_history_by_container_name ON deploy_history (container_name, at DESC, id DESC);
      CREATE INDEX deploy_history_by_rare_outcome ON deploy_history (outcome, at DESC, id DESC)
        WHERE outcome IS NULL OR outcome = 'failed' OR outcome = 'rolled-back' OR outcome = 'no-change';
      CREATE INDEX deploy_history_by_rare_action ON deploy_history (action, at DESC, id DESC)
        WHERE action = 'start' OR action = 'stop' OR action = 'rollback';
      CREATE INDEX deploy_history_unsettled ON deploy_history (at) WHERE crashed_after IS NULL AND outcome = 'succeeded';
      CREATE INDEX deploy_history_deploys ON deploy_history (at, id) WHERE action = 'redeploy';
      INSERT INTO deploy_journal SELECT * FROM deploy_journal_kept;
      DROP TABLE temp.deploy_journal_kept;
    `,
};
