import "server-only";
import type { DatabaseSync } from "node:sqlite";
import type { Migration } from "./migration";
import { pluck } from "./sqlite-statements";

type LegacyToken = { id: number; created_by: string; created_at: string };

export const migration13: Migration = {
  version: 13,
  // An API token belongs to the user who made it (issue 23.7): it acts as that user at most, and dies with them.
  // `owner_user_id` is that user, `service_owner` the team or person an admin named for a service token instead;
  // a token with neither is refused. No foreign key: a deleted owner must leave the id behind (ids are never
  // reused, users is AUTOINCREMENT), so the token reads as "its owner was deleted", not as ownerless.
  sql: `
      ALTER TABLE api_tokens ADD COLUMN owner_user_id INTEGER;
      ALTER TABLE api_tokens ADD COLUMN service_owner TEXT;
      CREATE INDEX api_tokens_by_owner ON api_tokens (owner_user_id) WHERE owner_user_id IS NOT NULL;
  `,
  run: bindExistingTokens,
  // The same on PostgreSQL, in SQL: its databases start from the baseline, so only tokens made while the
  // database was already on PostgreSQL can be bound here; one level of "made with a token" is enough for those.
  postgres: `
      ALTER TABLE api_tokens ADD COLUMN owner_user_id BIGINT;
      ALTER TABLE api_tokens ADD COLUMN service_owner TEXT;
      CREATE INDEX api_tokens_by_owner ON api_tokens (owner_user_id) WHERE owner_user_id IS NOT NULL;
      UPDATE api_tokens AS t SET owner_user_id = (
        SELECT u.id FROM users u
        WHERE lower(u.username) = lower(t.created_by) AND u.created_at <= t.created_at
        ORDER BY u.id LIMIT 1);
      UPDATE api_tokens AS t SET owner_user_id = (
        SELECT o.owner_user_id FROM api_tokens o
        WHERE lower(o.name) = lower(t.created_by) AND o.id < t.id
        ORDER BY o.id LIMIT 1)
      WHERE t.owner_user_id IS NULL;
  `,
};

/**
 * Tokens made before owners were recorded go to their maker: the user of that name who existed when the token
 * was made, or, for a token made with another token, that token's owner. A maker already deleted finds nobody,
 * and the token is refused from now on, as it would have been had the rule been in force when they left.
 */
function bindExistingTokens(db: DatabaseSync): void {
  const tokens = db
    .prepare("SELECT id, created_by, created_at FROM api_tokens ORDER BY id")
    .all() as LegacyToken[];
  const user = pluck(
    db.prepare("SELECT id FROM users WHERE username = ? COLLATE NOCASE AND created_at <= ?"),
  );
  const viaToken = pluck(
    db.prepare("SELECT owner_user_id FROM api_tokens WHERE name = ? COLLATE NOCASE AND id < ?"),
  );
  const bind = db.prepare("UPDATE api_tokens SET owner_user_id = ? WHERE id = ?");
  for (const token of tokens) {
    const owner =
      (user.get(token.created_by, token.created_at) as number | undefined) ??
      (viaToken.get(token.created_by, token.id) as number | null | undefined) ??
      null;
    if (owner !== null) bind.run(owner, token.id);
  }
}
