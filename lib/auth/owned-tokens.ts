import "server-only";
import { cachedStatement } from "@/lib/db/cached-statement";
import type { Db } from "@/lib/db/db";
import { roleRank, type Role } from "./types";

/**
 * What a change to a user does to the API tokens they own, in words for the audit log, or null when they own
 * none it touches. Only tokens still in force count (neither revoked nor expired).
 */
export function ownedTokensChange(
  db: Db,
  userId: number,
  change: { disabling: boolean; enabling: boolean; newRole: Role | undefined },
  at: string,
): string | null {
  const live = cachedStatement(
    db,
    `SELECT role FROM api_tokens
     WHERE owner_user_id = ? AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > ?)`,
  ).all(userId, at) as { role: Role }[];
  const count = (n: number) => `${n} API token${n === 1 ? "" : "s"}`;
  if (change.disabling) return live.length > 0 ? `${count(live.length)} refused while disabled` : null;
  const notes: string[] = [];
  if (change.enabling && live.length > 0) notes.push(`${count(live.length)} in force again`);
  if (change.newRole !== undefined) {
    const capped = live.filter((token) => roleRank[token.role] > roleRank[change.newRole!]).length;
    if (capped > 0)
      notes.push(`${count(capped)} ${capped === 1 ? "acts" : "act"} as ${change.newRole} at most`);
  }
  return notes.length > 0 ? notes.join("; ") : null;
}
