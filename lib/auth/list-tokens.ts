import "server-only";
import { cachedStatement } from "@/lib/db/cached-statement";
import type { Db } from "@/lib/db/db";
import { tokenSelect, toTokenInfo } from "./token-row";
import type { ApiTokenInfo } from "./types";

/** Newest first, revoked and expired ones included so an admin can see what once had access. */
export function listTokens(db: Db, now: number = Date.now()): ApiTokenInfo[] {
  return cachedStatement(db, `${tokenSelect} ORDER BY t.created_at DESC, t.id DESC`)
    .all()
    .map((row) => toTokenInfo(row, now));
}
