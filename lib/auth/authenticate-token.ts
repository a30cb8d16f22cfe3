import "server-only";
import { cachedStatement } from "@/lib/db/cached-statement";
import type { Db } from "@/lib/db/db";
import { TOKEN_PREFIX } from "./create-token";
import { recordAudit } from "./record-audit";
import { hashSecret, isSecretShaped } from "./secret-token";
import { tokenAccess } from "./token-access";
import { parseTokenRow, tokenSelect, tokenStateOf } from "./token-row";
import type { Principal } from "./types";

// A script may call the API many times a second: one audit row and one write per token per 10 minutes say
// "in use" without turning every read into a write. last_used_at is therefore exact to within 10 minutes.
export const TOKEN_USE_RECORD_INTERVAL_MS = 10 * 60_000;

/**
 * The API token behind an `Authorization: Bearer` value, or null when it is unknown, revoked or expired, or a
 * user token whose owner is disabled or gone. Its role is what it may do now (./token-access): a user token's
 * is capped at its owner's current role. `address` only goes into the "token-used" audit entry.
 */
export function authenticateToken(
  db: Db,
  bearer: string,
  address?: string,
  now: () => number = Date.now,
): Principal | null {
  const secret = bearer.startsWith(TOKEN_PREFIX) ? bearer.slice(TOKEN_PREFIX.length) : "";
  if (!isSecretShaped(secret)) return null;
  const found = cachedStatement(db, `${tokenSelect} WHERE t.token_hash = ?`).get(hashSecret(bearer));
  if (found === undefined) return null;
  const row = parseTokenRow(found);
  const at = now();
  const access = tokenAccess(tokenStateOf(row), at);
  if (!access.ok) return null;

  const atIso = new Date(at).toISOString();
  // Conditional, so two requests arriving together (even in two processes) record the use once.
  const { changes } = cachedStatement(
    db,
    "UPDATE api_tokens SET last_used_at = ? WHERE id = ? AND (last_used_at IS NULL OR last_used_at <= ?)",
  ).run(atIso, row.id, new Date(at - TOKEN_USE_RECORD_INTERVAL_MS).toISOString());
  if (changes > 0)
    recordAudit(db, { actor: row.name, action: "token-used", target: row.name, address, at: atIso });
  const principal: Principal = { kind: "token", name: row.name, role: access.role, tokenId: row.id };
  if (row.service_owner === null && row.owner_user_id !== null) principal.ownerId = row.owner_user_id;
  return principal;
}
