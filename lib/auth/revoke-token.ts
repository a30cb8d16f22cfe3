import "server-only";
import type { Kysely } from "kysely";
import { WharfError } from "@/lib/core/errors";
import { announceAccessChange } from "./access-changes";
import type { AuthTables } from "./db/auth-tables";
import { recordAudit } from "./db/record-audit";
import { revokeTokenRow } from "./db/revoke-token-row";
import { readToken } from "./read-token";
import type { ApiTokenInfo } from "./types";

/** Revokes for good; revoking again keeps the first time and is not audited twice. NOT_FOUND for an unknown id. */
export async function revokeToken(
  db: Kysely<AuthTables>,
  id: number,
  actor: string,
  address?: string,
  now: () => number = Date.now,
): Promise<ApiTokenInfo> {
  const at = new Date(now()).toISOString();
  const { info, revokedNow } = await db.transaction().execute(async (trx) => {
    const revoked = await revokeTokenRow(trx, id, at);
    if (revoked !== undefined)
      await recordAudit(trx, { actor, action: "token-revoked", target: revoked.name, address, at });
    const info = await readToken(trx, id, now());
    if (info === undefined) throw new WharfError("NOT_FOUND", `API token ${id} not found`);
    return { info, revokedNow: revoked !== undefined };
  });
  if (revokedNow) announceAccessChange({ tokenId: id, reason: "token revoked" });
  return info;
}
