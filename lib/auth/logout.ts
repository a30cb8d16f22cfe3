import "server-only";
import type { Kysely } from "kysely";
import { announceAccessChange } from "./access-changes";
import type { AuthTables } from "./db/auth-tables";
import { endSession } from "./db/end-session";
import { recordAudit } from "./db/record-audit";
import { hashSecret } from "./secret-token";

/**
 * Ends the session holding `token` (the `wharf_session` cookie's value). False when there was no live session
 * to end, which a sign-out route can treat as success: the browser is signed out either way.
 */
export async function logout(
  db: Kysely<AuthTables>,
  token: string,
  address?: string,
  now: () => number = Date.now,
): Promise<boolean> {
  const at = new Date(now()).toISOString();
  const row = await db.transaction().execute(async (trx) => {
    const ended = await endSession(trx, hashSecret(token), at);
    if (ended?.username != null) {
      const name = ended.username;
      await recordAudit(trx, { actor: name, action: "logout", target: name, address, at });
    }
    return ended;
  });
  if (row) announceAccessChange({ sessionId: String(row.id), reason: "signed out" });
  return row !== undefined;
}
