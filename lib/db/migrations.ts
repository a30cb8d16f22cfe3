import "server-only";
import type Database from "better-sqlite3";
import { scrubEnvValues } from "./scrub-env-values";

/** SQL, or for what SQL says badly (rewriting JSON), a function; both run in the migration's transaction. */
export type Migration = { version: number; sql: string; run?: (db: Database.Database) => void };

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
  {
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
  },
  {
    version: 9,
    // Alerts (issue 12): channels, the outbox every alert goes through, and each try to deliver one.
    // `settings` is what an admin may read back; `secrets` (webhook URLs, signing secrets, SMTP passwords) is
    // write-only and never leaves the server. An outbox row is written in the same transaction that decides to
    // alert, and marked delivered in the same transaction that records the try, so a restart loses nothing and
    // sends nothing twice. `dedupe_key` makes "one message when an incident opens" hold across restarts.
    // `held` rows were over the channel's rate limit; a digest row replaces them (`digested`).
    sql: `
      CREATE TABLE alert_channels (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE,
        kind TEXT NOT NULL CHECK (kind IN ('webhook', 'slack', 'email')),
        enabled INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
        settings TEXT NOT NULL CHECK (json_valid(settings)),
        secrets TEXT NOT NULL CHECK (json_valid(secrets)),
        rules TEXT NOT NULL CHECK (json_valid(rules)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );

      CREATE TABLE alert_outbox (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        channel_id INTEGER NOT NULL REFERENCES alert_channels (id) ON DELETE CASCADE,
        dedupe_key TEXT,
        event TEXT NOT NULL,
        title TEXT NOT NULL,
        payload TEXT NOT NULL CHECK (json_valid(payload)),
        state TEXT NOT NULL CHECK (state IN ('pending', 'delivered', 'failed', 'held', 'digested')),
        created_at TEXT NOT NULL,
        next_try_at TEXT NOT NULL,
        tries INTEGER NOT NULL DEFAULT 0,
        lease_until TEXT,
        settled_at TEXT,
        UNIQUE (channel_id, dedupe_key)
      );
      CREATE INDEX alert_outbox_due ON alert_outbox (next_try_at) WHERE state = 'pending';
      CREATE INDEX alert_outbox_held ON alert_outbox (channel_id, id) WHERE state = 'held';
      CREATE INDEX alert_outbox_window ON alert_outbox (channel_id, created_at);

      CREATE TABLE alert_deliveries (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        channel_id INTEGER NOT NULL REFERENCES alert_channels (id) ON DELETE CASCADE,
        outbox_id INTEGER REFERENCES alert_outbox (id) ON DELETE CASCADE,
        at TEXT NOT NULL,
        event TEXT NOT NULL,
        try INTEGER NOT NULL,
        ok INTEGER NOT NULL CHECK (ok IN (0, 1)),
        status INTEGER,
        error TEXT
      );
      CREATE INDEX alert_deliveries_by_channel ON alert_deliveries (channel_id, id DESC);
    `,
  },
  {
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
  },
];
