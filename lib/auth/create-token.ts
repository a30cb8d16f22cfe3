import "server-only";
import type { Kysely } from "kysely";
import { WharfError } from "@/lib/core/errors";
import { isUniqueViolation } from "@/lib/db/is-unique-violation";
import type { AuthTables } from "./db/auth-tables";
import { describeScope } from "@/lib/core/access-rule";
import { insertGrant } from "./db/grant-rows";
import { insertToken } from "./db/insert-token";
import { recordAudit } from "./db/record-audit";
import { parseInput } from "./parse-input";
import { readToken } from "./read-token";
import { newTokenSchema, type NewToken } from "./schemas";
import { hashSecret, newSecret } from "./secret-token";
import type { ApiTokenInfo, Principal } from "./types";

/** The prefix lets secret scanners (and people) recognise a leaked Wharf token. */
export const TOKEN_PREFIX = "wharf_";

export type CreatedToken = { token: string; info: ApiTokenInfo };

/** Who makes a token: a signed-in user, or a token (whose owner then owns the new one too). */
export type TokenMaker = Pick<Principal, "kind" | "name" | "userId" | "ownerId">;

/**
 * Creates an API token. `token` is the only copy of the secret: show it once and never again. Without
 * `serviceOwner` it is a user token of the maker's user; with it, a service token of that team or person (the
 * route lets only admins make tokens at all). VALIDATION for a bad name, role, owner or an expiry not in the
 * future, or a user token asked of a service token (it has no user to give it); CONFLICT for a name in use
 * (names stay taken after revoking). `scoped` with `grants`: the token may do only what its grants give (each
 * still capped by its owner's access), e.g. operator on project shop on one host for a CI pipeline.
 */
export async function createToken(
  db: Kysely<AuthTables>,
  input: NewToken,
  maker: TokenMaker,
  address?: string,
  now: () => number = Date.now,
): Promise<CreatedToken> {
  const { name, role, expiresAt, serviceOwner = null, scoped, grants } = parseInput(newTokenSchema, input);
  const at = now();
  if (expiresAt !== null && Date.parse(expiresAt) <= at) {
    throw new WharfError("VALIDATION", "expiresAt: must be in the future", {
      issues: [{ field: "expiresAt", message: "must be in the future" }],
    });
  }
  const ownerUserId = serviceOwner === null ? ownerOf(maker) : null;
  const token = TOKEN_PREFIX + newSecret();
  const createdAt = new Date(at).toISOString();
  try {
    const info = await db.transaction().execute(async (trx) => {
      const id = await insertToken(trx, {
        name,
        tokenHash: hashSecret(token),
        role,
        createdBy: maker.name,
        createdAt,
        expiresAt,
        ownerUserId,
        serviceOwner,
        scoped,
      });
      for (const grant of grants)
        await insertGrant(trx, { holder: { kind: "token", id }, ...grant, createdAt, createdBy: maker.name });
      const info = (await readToken(trx, id, at))!;
      const owner =
        info.owner.kind === "service"
          ? `service token, owner: ${info.owner.name}`
          : `user token of ${info.owner.username ?? `user ${ownerUserId}`}`;
      const reach = [
        scoped ? "scoped" : null,
        ...grants.map((grant) => `${grant.role} on ${describeScope(grant.scope)}`),
      ].filter((part) => part !== null);
      const detail = `role: ${role}, expires: ${expiresAt ?? "never"}, ${owner}${reach.length ? `, ${reach.join("; ")}` : ""}`;
      await recordAudit(trx, {
        actor: maker.name,
        action: "token-created",
        target: name,
        address,
        detail,
        at: createdAt,
      });
      return info;
    });
    return { token, info };
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new WharfError("CONFLICT", `An API token named "${name}" already exists`);
    }
    throw error;
  }
}

function ownerOf(maker: TokenMaker): number {
  const owner = maker.kind === "user" ? maker.userId : maker.ownerId;
  if (owner === undefined) {
    throw new WharfError(
      "VALIDATION",
      `serviceOwner: ${maker.name} is a service token and belongs to no user, so a token it makes must be a service token too: name its owner`,
      { issues: [{ field: "serviceOwner", message: "required when a service token makes the token" }] },
    );
  }
  return owner;
}
