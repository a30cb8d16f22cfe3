import "server-only";
import { isUniqueViolation } from "@/lib/db/is-unique-violation";
import { WharfError } from "@/lib/core/errors";
import { cachedStatement } from "@/lib/db/cached-statement";
import type { Db } from "@/lib/db/db";
import { parseInput } from "./parse-input";
import { recordAudit } from "./record-audit";
import { newTokenSchema, type NewToken } from "./schemas";
import { hashSecret, newSecret } from "./secret-token";
import { tokenColumns, toTokenInfo } from "./token-row";
import type { ApiTokenInfo } from "./types";

/** The prefix lets secret scanners (and people) recognise a leaked Wharf token. */
export const TOKEN_PREFIX = "wharf_";

export type CreatedToken = { token: string; info: ApiTokenInfo };

/**
 * Creates an API token. `token` is the only copy of the secret: show it once and never again. VALIDATION for a
 * bad name, role or an expiry not in the future; CONFLICT for a name in use (names stay taken after revoking).
 */
export function createToken(
  db: Db,
  input: NewToken,
  actor: string,
  address?: string,
  now: () => number = Date.now,
): CreatedToken {
  const { name, role, expiresAt } = parseInput(newTokenSchema, input);
  const at = now();
  if (expiresAt !== null && Date.parse(expiresAt) <= at) {
    throw new WharfError("VALIDATION", "expiresAt: must be in the future", {
      issues: [{ field: "expiresAt", message: "must be in the future" }],
    });
  }
  const token = TOKEN_PREFIX + newSecret();
  const createdAt = new Date(at).toISOString();
  const create = db.transaction(() => {
    const info = toTokenInfo(
      cachedStatement(
        db,
        `INSERT INTO api_tokens (name, token_hash, role, created_by, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)
         RETURNING ${tokenColumns}`,
      ).get(name, hashSecret(token), role, actor, createdAt, expiresAt),
    );
    const detail = `role: ${role}, expires: ${expiresAt ?? "never"}`;
    recordAudit(db, { actor, action: "token-created", target: name, address, detail, at: createdAt });
    return info;
  });
  try {
    return { token, info: create.immediate() };
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new WharfError("CONFLICT", `An API token named "${name}" already exists`);
    }
    throw error;
  }
}
