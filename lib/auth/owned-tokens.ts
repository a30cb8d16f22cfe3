import "server-only";
import type { Kysely } from "kysely";
import type { AuthTables } from "./db/auth-tables";
import { listLiveOwnedTokenRoles } from "./db/list-live-owned-tokens";
import { roleRank, type Role } from "./types";

/**
 * What a change to a user does to the API tokens they own, in words for the audit log, or null when they own
 * none it touches. Only tokens still in force count (neither revoked nor expired).
 */
export async function ownedTokensChange(
  db: Kysely<AuthTables>,
  userId: number,
  change: { disabling: boolean; enabling: boolean; newRole: Role | undefined },
  at: string,
): Promise<string | null> {
  const live = await listLiveOwnedTokenRoles(db, userId, at);
  const count = (n: number) => `${n} API token${n === 1 ? "" : "s"}`;
  if (change.disabling) return live.length > 0 ? `${count(live.length)} refused while disabled` : null;
  const notes: string[] = [];
  if (change.enabling && live.length > 0) notes.push(`${count(live.length)} in force again`);
  if (change.newRole !== undefined) {
    const capped = live.filter((role) => roleRank[role] > roleRank[change.newRole!]).length;
    if (capped > 0)
      notes.push(`${count(capped)} ${capped === 1 ? "acts" : "act"} as ${change.newRole} at most`);
  }
  return notes.length > 0 ? notes.join("; ") : null;
}
