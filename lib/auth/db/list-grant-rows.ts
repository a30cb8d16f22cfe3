import "server-only";
import type { Kysely } from "kysely";
import type { AuthTables } from "./auth-tables";

export type GrantRow = {
  id: number;
  user_id: number | null;
  team_id: number | null;
  token_id: number | null;
  role: string;
  scope: string | null;
  created_at: string;
  created_by: string;
};

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
