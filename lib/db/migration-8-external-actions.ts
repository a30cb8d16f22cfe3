import "server-only";
import type { Migration } from "./migration";

// Its own file for its length. The SQL keeps the indentation it had in migrations.ts: SQLite stores the text
// of CREATE statements as written, and tests compare it.
export const migration8: Migration = {
  version: 8,
  // Changes made outside Wharf (a `docker kill`, `docker pause`, `docker rm`…) are history rows too, so the
  // action CHECK widens, and `detail` keeps what the engine said (the signal of a kill, the exit code). SQLite
  // cannot alter a CHECK: the table is rebuilt and every index of migrations 2, 3 and 5 made again. The
  // journal's rows reference the history, and foreign keys stay on inside a migration's transaction, so they
  // step aside while the old table is dropped. (The rename leaves the table's SQL as CREATE TABLE "deploy_history".)
  sql: `
      CREATE TEMP TABLE deploy_journal_kept AS SELECT * FROM deploy_journal;
      DELETE FROM deploy_journal;
      CREATE TABLE deploy_history_rebuilt (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        source TEXT NOT NULL CHECK (source IN ('ui', 'api', 'autoheal', 'external')),
        action TEXT NOT NULL CHECK (action IN ('start', 'stop', 'restart', 'redeploy', 'rollback', 'kill', 'pause', 'unpause', 'remove')),
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
        detail TEXT
      );
      INSERT INTO deploy_history_rebuilt (id, at, actor, source, action, host_id, container_name, container_id_before,
        container_id_after, image_ref, image_id_before, image_id_after, digest_before, digest_after, config_diff,
        outcome, error, duration_ms, crashed_after)
      SELECT id, at, actor, source, action, host_id, container_name, container_id_before, container_id_after,
        image_ref, image_id_before, image_id_after, digest_before, digest_after, config_diff, outcome, error,
        duration_ms, crashed_after
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
      INSERT INTO deploy_journal SELECT * FROM deploy_journal_kept;
      DROP TABLE temp.deploy_journal_kept;
    `,
};
