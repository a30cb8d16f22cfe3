import "server-only";

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

export const channelColumns = `id, name, kind, enabled, settings, secrets, rules, created_at, updated_at`;

type Row = {
  id: number;
  name: string;
  kind: string;
  enabled: number;
  settings: string;
  secrets: string;
  rules: string;
  created_at: string;
  updated_at: string;
};

export function toStoredChannel(raw: unknown): StoredChannel {
  const row = raw as Row;
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
