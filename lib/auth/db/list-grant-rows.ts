import "server-only";
import type { Kysely, Selectable } from "kysely";
import type { AuthTables } from "./auth-tables";
import type { GrantTable } from "./grant-table";

/** A grants row as read: the table's own declaration (./grant-table), its generated id read as a number. */
export type GrantRow = Selectable<GrantTable>;

const columns = [
  "g.id",
  "g.user_id",
  "g.team_id",
  "g.token_id",
  "g.role",
  "g.scope",
  "g.created_at",
  "g.created_by",
] as const;

/**
 * The grants that reach a user (their own and their teams') or a token (its own), oldest first. One query: it
 * runs on every request.
 */
export async function listGrantRows(
  db: Kysely<AuthTables>,
  holder: { userId: number } | { tokenId: number } | { teamId: number },
): Promise<GrantRow[]> {
  const query = db.selectFrom("grants as g").select(columns).orderBy("g.id");
  if ("tokenId" in holder) return query.where("g.token_id", "=", holder.tokenId).execute();
  if ("teamId" in holder) return query.where("g.team_id", "=", holder.teamId).execute();
  return query
    .where((eb) =>
      eb.or([
        eb("g.user_id", "=", holder.userId),
        eb(
          "g.team_id",
          "in",
          eb.selectFrom("team_members").select("team_id").where("user_id", "=", holder.userId),
        ),
      ]),
    )
    .execute();
}

/** Every grant, for the settings page (a handful per user, team and token). */
export async function listAllGrantRows(db: Kysely<AuthTables>): Promise<GrantRow[]> {
  return db.selectFrom("grants as g").select(columns).orderBy("g.id").execute();
}
