import "server-only";
import type { Kysely } from "kysely";
import { announceAccessChange } from "./access-changes";
import type { AuthTables } from "./db/auth-tables";
import type { GrantHolder } from "./types";

/** The users whose access a change to this holder's grants touches: the user, or a team's members. */
export async function holderUsers(
  db: Kysely<AuthTables>,
  holder: Pick<GrantHolder, "kind" | "id">,
): Promise<number[]> {
  if (holder.kind === "user") return [holder.id];
  if (holder.kind === "token") return [];
  const rows = await db
    .selectFrom("team_members")
    .select("user_id")
    .where("team_id", "=", holder.id)
    .execute();
  return rows.map((row) => row.user_id);
}

/**
 * Tells open streams that these users' (or this token's) grants changed: each re-reads its caller's grants and
 * ends, "access changed", if it can no longer see what it shows. A user's tokens hear it too (their cap moved).
 */
export function announceGrantChange(users: number[], tokenId?: number): void {
  for (const userId of users) announceAccessChange({ userId, reason: "access changed" });
  if (tokenId !== undefined) announceAccessChange({ tokenId, reason: "access changed" });
}
