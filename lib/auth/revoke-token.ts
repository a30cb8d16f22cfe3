import "server-only";
import { WharfError } from "@/lib/core/errors";
import { cachedStatement } from "@/lib/db/cached-statement";
import type { Db } from "@/lib/db/db";
import { announceAccessChange } from "./access-changes";
import { recordAudit } from "./record-audit";
import { readToken } from "./token-row";
import type { ApiTokenInfo } from "./types";

/** Revokes for good; revoking again keeps the first time and is not audited twice. NOT_FOUND for an unknown id. */
export function revokeToken(
  db: Db,
  id: number,
  actor: string,
  address?: string,
  now: () => number = Date.now,
): ApiTokenInfo {
  const at = new Date(now()).toISOString();
  const revoke = db.transaction(() => {
    const revoked = cachedStatement(
      db,
      "UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL RETURNING name",
    ).get(at, id) as { name: string } | undefined;
    if (revoked !== undefined)
      recordAudit(db, { actor, action: "token-revoked", target: revoked.name, address, at });
    const info = readToken(db, id, now());
    if (info === undefined) throw new WharfError("NOT_FOUND", `API token ${id} not found`);
    return { info, revokedNow: revoked !== undefined };
  });
  const { info, revokedNow } = revoke.immediate();
  if (revokedNow) announceAccessChange({ tokenId: id, reason: "token revoked" });
  return info;
}
