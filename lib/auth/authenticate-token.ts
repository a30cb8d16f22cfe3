import "server-only";
import type { Kysely } from "kysely";
import { TOKEN_PREFIX } from "./create-token";
import type { AuthTables } from "./db/auth-tables";
import { findToken } from "./db/find-token";
import { markTokenUsed } from "./db/mark-token-used";
import { recordAudit } from "./db/record-audit";
import { tokenStateOf, type TokenRow } from "./db/token-table";
import { nominalRole, tokenAccessOf } from "./load-access";
import { hashSecret, isSecretShaped } from "./secret-token";
import { tokenAccess } from "./token-access";
import type { Principal } from "./types";

// A script may call the API many times a second: one audit row and one write per token per 10 minutes say
// "in use" without turning every read into a write. last_used_at is therefore exact to within 10 minutes.
export const TOKEN_USE_RECORD_INTERVAL_MS = 10 * 60_000;

/**
 * The API token behind an `Authorization: Bearer` value, or null when it is unknown, revoked or expired, or a
 * user token whose owner is disabled or gone. Its role is what it may do now (./token-access): a user token's
 * is capped at its owner's current role. `address` only goes into the "token-used" audit entry.
 */
export async function authenticateToken(
  db: Kysely<AuthTables>,
  bearer: string,
  address?: string,
  now: () => number = Date.now,
): Promise<Principal | null> {
  const secret = bearer.startsWith(TOKEN_PREFIX) ? bearer.slice(TOKEN_PREFIX.length) : "";
  if (!isSecretShaped(secret)) return null;
  const row = await findToken(db, { tokenHash: hashSecret(bearer) });
  if (row === undefined) return null;
  const at = now();
  const access = tokenAccess(tokenStateOf(row), at);
  if (!access.ok) return null;

  const atIso = new Date(at).toISOString();
  const since = new Date(at - TOKEN_USE_RECORD_INTERVAL_MS).toISOString();
  if (await markTokenUsed(db, row.id, atIso, since))
    await recordAudit(db, { actor: row.name, action: "token-used", target: row.name, address, at: atIso });
  const grants = await principalAccess(db, row);
  const principal: Principal = { kind: "token", name: row.name, role: nominalRole(grants), tokenId: row.id };
  if (row.service_owner === null && row.owner_user_id !== null) principal.ownerId = row.owner_user_id;
  principal.access = grants;
  return principal;
}

/** A live token's grants, capped by its owner's (./load-access); tokenAccess has refused ownerless user tokens. */
export function principalAccess(db: Kysely<AuthTables>, row: TokenRow) {
  const owner =
    row.service_owner === null && row.owner_user_id !== null && row.owner_role !== null
      ? { userId: row.owner_user_id, role: row.owner_role, scoped: row.owner_scoped === 1 }
      : null;
  return tokenAccessOf(db, row.id, { role: row.role, scoped: row.scoped === 1 }, owner);
}
