import "server-only";
import type { Generated, Selectable } from "kysely";

/**
 * alert_channels (migration 9). `settings` is what an admin may read back; `secrets` (URLs, signing secrets, SMTP
 * passwords) never leaves the server. JSON as text and `enabled` as 0/1 on both dialects: the columns SQLite made.
 * Names compare without case (COLLATE NOCASE on SQLite, a unique lower(name) index on PostgreSQL).
 */
export type AlertChannelTable = {
  id: Generated<number>;
  name: string;
  kind: string;
  enabled: number;
  settings: string;
  secrets: string;
  rules: string;
  created_at: string;
  updated_at: string;
};

/** A channel as stored, secrets included: only lib/alerts reads it, and never returns `secrets`. */
export type StoredChannel = {
  id: number;
  name: string;
  kind: string;
  enabled: boolean;
  settings: Record<string, unknown>;
  secrets: Record<string, unknown>;
  rules: unknown;
  createdAt: string;
  updatedAt: string;
};

export const channelColumns = [
  "id",
  "name",
  "kind",
  "enabled",
  "settings",
  "secrets",
  "rules",
  "created_at",
  "updated_at",
] as const satisfies readonly (keyof AlertChannelTable)[];

export function toStoredChannel(row: Selectable<AlertChannelTable>): StoredChannel {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    enabled: row.enabled === 1,
    settings: JSON.parse(row.settings) as Record<string, unknown>,
    secrets: JSON.parse(row.secrets) as Record<string, unknown>,
    rules: JSON.parse(row.rules) as unknown,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
