import "server-only";
import { cachedStatement } from "@/lib/db/cached-statement";
import type { Db } from "@/lib/db/db";
import { announceAccessChange } from "./access-changes";
import { recordAudit } from "./record-audit";
import { hashSecret } from "./secret-token";

/**
 * Ends the session holding `token` (the `wharf_session` cookie's value). False when there was no live session
 * to end, which a sign-out route can treat as success: the browser is signed out either way.
 */
export function logout(db: Db, token: string, address?: string, now: () => number = Date.now): boolean {
  const at = new Date(now()).toISOString();
  const ended = db.transaction(() => {
    const row = cachedStatement(
      db,
      `UPDATE sessions SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL
       RETURNING id, (SELECT username FROM users WHERE users.id = sessions.user_id) AS username`,
    ).get(at, hashSecret(token)) as { id: number; username: string } | undefined;
    if (row) recordAudit(db, { actor: row.username, action: "logout", target: row.username, address, at });
    return row;
  });
  const row = ended.immediate();
  if (row) announceAccessChange({ sessionId: String(row.id), reason: "signed out" });
  return row !== undefined;
}
