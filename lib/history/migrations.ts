import "server-only";

export type Migration = { version: number; sql: string };

/**
 * Append only: a migration that has shipped is never edited, because databases that already ran it would
 * keep the old shape. Change the schema with a new, higher version instead.
 */
export const migrations: readonly Migration[] = [
  {
    version: 1,
    // The kinds are spelled out rather than built from `incidentKinds`, so adding a kind in code cannot
    // silently give new databases a different CHECK than old ones; a test catches the mismatch.
    // Timestamps are ISO 8601 UTC strings, which sort correctly as text.
    sql: `
      CREATE TABLE incidents (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        host_id TEXT NOT NULL,
        container_name TEXT NOT NULL,
        container_id TEXT NOT NULL,
        image TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('exit', 'oom', 'restart-loop', 'unhealthy', 'dead')),
        exit_code INTEGER,
        opened_at TEXT NOT NULL,
        last_at TEXT NOT NULL,
        ended_at TEXT,
        count INTEGER NOT NULL DEFAULT 1 CHECK (count >= 1),
        log_tail TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(log_tail) AND json_type(log_tail) = 'array'),
        health_output TEXT,
        acknowledged_by TEXT,
        acknowledged_at TEXT
      );
      -- Every container event asks "is there an open incident for this container?": keep that lookup small.
      CREATE INDEX incidents_open_by_container
        ON incidents (host_id, container_name, opened_at DESC, id DESC)
        WHERE ended_at IS NULL;
      CREATE INDEX incidents_newest ON incidents (opened_at DESC, id DESC);
    `,
  },
];
