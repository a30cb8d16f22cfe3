import "server-only";
import type { Kysely } from "kysely";
import type { AuthTables } from "../../db/auth-tables";

/**
 * The user's 'sso' memberships become exactly these teams; 'local' ones (an admin's) stay as they are. A team
 * the user is already a local member of keeps that row: the admin's membership outlives the provider's groups.
 */
export async function replaceSsoMemberships(
  db: Kysely<AuthTables>,
  userId: number,
  teamIds: readonly number[],
  at: string,
): Promise<void> {
  await db.deleteFrom("team_members").where("user_id", "=", userId).where("source", "=", "sso").execute();
  if (teamIds.length === 0) return;
  await db
    .insertInto("team_members")
    .values(
      teamIds.map((teamId) => ({ team_id: teamId, user_id: userId, source: "sso" as const, added_at: at })),
    )
    .onConflict((conflict) => conflict.doNothing())
    .execute();
}
