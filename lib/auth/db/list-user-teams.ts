import "server-only";
import type { Kysely } from "kysely";
import type { AuthTables } from "./auth-tables";

export type UserTeam = { name: string; source: "local" | "sso" };

/** The teams a user belongs to, by name, and whether an admin ('local') or the identity provider ('sso') put them there. */
export async function listUserTeams(db: Kysely<AuthTables>, userId: number): Promise<UserTeam[]> {
  const rows = await db
    .selectFrom("team_members")
    .innerJoin("teams", "teams.id", "team_members.team_id")
    .select(["teams.name as name", "team_members.source as source"])
    .where("team_members.user_id", "=", userId)
    .orderBy("teams.name")
    .execute();
  return rows.map((row) => ({ name: row.name, source: row.source }));
}
