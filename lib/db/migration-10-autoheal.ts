import "server-only";
import type { Migration } from "./migration";

// Its own file for its length. The SQL keeps the indentation it had in migrations.ts: SQLite stores the text
// of CREATE statements as written, and tests compare it.
export const migration10: Migration = {
  version: 10,
  // Auto-heal (issue 12). A policy opts a host, a compose project (on every host, or on one) into auto-heal;
  // the unique index keeps one policy per scope, so setting it again updates it. An incident keeps notes: lines
  // appended by whoever acted on it (auto-heal's tries, and when it gave up), shown on its card.
  sql: `
      CREATE TABLE autoheal_policies (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        host_id TEXT,
        project TEXT,
        grace_ms INTEGER CHECK (grace_ms IS NULL OR grace_ms >= 0),
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        CHECK (host_id IS NOT NULL OR project IS NOT NULL)
      );
      CREATE UNIQUE INDEX autoheal_policies_scope
        ON autoheal_policies (IFNULL(host_id, char(0)), IFNULL(project, char(0)));
      ALTER TABLE incidents ADD COLUMN notes TEXT NOT NULL DEFAULT '[]'
        CHECK (json_valid(notes) AND json_type(notes) = 'array');
    `,
};
