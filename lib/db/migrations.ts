import "server-only";
import type { Migration } from "./migration";
import { migration8 } from "./migration-8-external-actions";
import { migration9 } from "./migration-9-alerts";
import { migration10 } from "./migration-10-autoheal";
import { migration11 } from "./migration-11-provenance";
import { migration12 } from "./migration-12-swarm";
import { migration13 } from "./migration-13-token-owners";
import { migration14 } from "./migration-14-image-ref-before";
import { migration15 } from "./migration-15-exit-memory";
import { migration16 } from "./migration-16-end-reason";
import { migration17 } from "./migration-17-service-incidents";
import { migration18 } from "./migration-18-prune";
import { migration19 } from "./migration-19-teams-grants";
import { migration20 } from "./migration-20-sso-users";
import { scrubEnvValues } from "./scrub-env-values";

export type { Migration } from "./migration";

/**
 * Append only: a migration that has shipped is never edited, because databases that already ran it would
 * keep the old shape. Change the schema with a new, higher version instead.
 *
 * One list for both dialects (docs/data-layer.md). Versions 1-12 are SQLite's history; on PostgreSQL the
 * baseline (postgres-baseline.ts) stands for them. Every version after 12 must run on both: write it with
 * `build` (Kysely's schema builder), or, for an old-style SQLite migration from before the data layer (`sql`,
 * `run`), add its PostgreSQL form as `postgres`. migrations.test.ts fails for one that has neither.
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
  {
    version: 2,
    // The deploy history managers read, and the journal that lets a restarted Wharf finish or undo a redeploy
    // it was killed in the middle of. History rows are never deleted; the journal row goes once it is settled.
    sql: `
      CREATE TABLE deploy_history (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        source TEXT NOT NULL CHECK (source IN ('ui', 'api', 'autoheal', 'external')),
        action TEXT NOT NULL CHECK (action IN ('start', 'stop', 'restart', 'redeploy', 'rollback')),
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
        crashed_after INTEGER
      );
      CREATE INDEX deploy_history_by_container ON deploy_history (host_id, container_name, at DESC, id DESC);
      CREATE INDEX deploy_history_by_actor ON deploy_history (actor, at DESC, id DESC);
      CREATE INDEX deploy_history_by_time ON deploy_history (at DESC, id DESC);

      CREATE TABLE deploy_journal (
        history_id INTEGER PRIMARY KEY REFERENCES deploy_history (id),
        host_id TEXT NOT NULL,
        container_name TEXT NOT NULL,
        old_id TEXT NOT NULL,
        aside_name TEXT NOT NULL,
        old_was_running INTEGER NOT NULL,
        new_id TEXT,
        step TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
    `,
  },
  {
    version: 3,
    // The history page also filters by host alone, container name alone, outcome and action. Without these,
    // SQLite sorts a host's whole history, or walks the newest-first index until enough rows match: all of
    // them (~300 ms a million) when few or none do. Outcome and action are indexed only for their rare
    // values, the ones people look for (failures, rollbacks, actions still running): the index stays small,
    // and a query for 'succeeded' (most rows) cannot pick it over a host or container index, as it did a
    // full one. Only a query that spells the value out (outcome = 'failed') can use these.
    sql: `
      CREATE INDEX deploy_history_by_host ON deploy_history (host_id, at DESC, id DESC);
      CREATE INDEX deploy_history_by_container_name ON deploy_history (container_name, at DESC, id DESC);
      CREATE INDEX deploy_history_by_rare_outcome ON deploy_history (outcome, at DESC, id DESC)
        WHERE outcome IS NULL OR outcome = 'failed' OR outcome = 'rolled-back' OR outcome = 'no-change';
      CREATE INDEX deploy_history_by_rare_action ON deploy_history (action, at DESC, id DESC)
        WHERE action = 'start' OR action = 'stop' OR action = 'rollback';
    `,
  },
  {
    version: 4,
    // Users, sessions and API tokens (issue 5). Only hashes of secrets are stored: sha256 of the random session
    // and API tokens (they carry 256 bits, so a fast hash is enough), scrypt of passwords. Usernames compare
    // without case so "Admin" cannot sit beside "admin". login_failures holds one row per "user:NAME" or
    // "addr:IP" key while it is being throttled. audit_log has no CHECK on its action, so a later feature can
    // add actions without rebuilding the table; the code validates them instead.
    sql: `
      CREATE TABLE users (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        username TEXT NOT NULL UNIQUE COLLATE NOCASE,
        password_hash TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('viewer', 'operator', 'admin')),
        created_at TEXT NOT NULL,
        disabled_at TEXT
      );

      CREATE TABLE sessions (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        token_hash TEXT NOT NULL UNIQUE,
        user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        created_at TEXT NOT NULL,
        last_seen_at TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        revoked_at TEXT,
        address TEXT,
        user_agent TEXT
      );
      CREATE INDEX sessions_by_user ON sessions (user_id);

      CREATE TABLE api_tokens (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE,
        token_hash TEXT NOT NULL UNIQUE,
        role TEXT NOT NULL CHECK (role IN ('viewer', 'operator', 'admin')),
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        expires_at TEXT,
        last_used_at TEXT,
        revoked_at TEXT
      );

      CREATE TABLE login_failures (
        key TEXT PRIMARY KEY,
        count INTEGER NOT NULL CHECK (count >= 1),
        first_at TEXT NOT NULL,
        blocked_until TEXT
      );

      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        target TEXT,
        address TEXT,
        detail TEXT
      );
      CREATE INDEX audit_log_newest ON audit_log (at DESC, id DESC);
    `,
  },
  {
    version: 5,
    // The incident sweep settles "crashed within 10 minutes" every few seconds: it must find the few unsettled
    // rows without reading the whole history.
    sql: `
      CREATE INDEX deploy_history_unsettled ON deploy_history (at) WHERE crashed_after IS NULL AND outcome = 'succeeded';
    `,
  },
  {
    version: 6,
    // History never stores environment values, only which keys changed (issue 11): scrub the rows written before.
    sql: "",
    run: scrubEnvValues,
  },
  {
    version: 7,
    // Where each host's event stream was when Wharf last applied an event: on start, Wharf reads the engine's
    // events since then, so a crash or a kill that happened while it was not running is told apart correctly.
    // An incident also keeps whether its latest death was an OOM kill (a restart loop's kind no longer says)
    // and the last stderr line of that run, the one-line "why" shown on the fleet row, the card and the banner,
    // and when that run's log was read (an alert waits for it; an empty log is read too).
    sql: `
      CREATE TABLE host_cursors (
        host_id TEXT PRIMARY KEY,
        last_event_ms REAL NOT NULL
      );
      ALTER TABLE incidents ADD COLUMN oom INTEGER NOT NULL DEFAULT 0 CHECK (oom IN (0, 1));
      ALTER TABLE incidents ADD COLUMN last_stderr TEXT;
      ALTER TABLE incidents ADD COLUMN log_read_at TEXT;
    `,
  },
  migration8,
  migration9,
  migration10,
  migration11,
  migration12,
  migration13,
  migration14,
  migration15,
  migration16,
  migration17,
  migration18,
  migration19,
  migration20,
  // Versions 13 and on: old-style SQLite migrations made on other branches go here, each given `postgres`
  // SQL; new ones are `build` migrations (docs/data-layer.md, "Adding a migration").
];
