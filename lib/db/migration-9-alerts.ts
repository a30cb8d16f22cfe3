import "server-only";
import type { Migration } from "./migration";

// Its own file for its length. The SQL keeps the indentation it had in migrations.ts: SQLite stores the text
// of CREATE statements as written, and tests compare it.
export const migration9: Migration = {
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
};
