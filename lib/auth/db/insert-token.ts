import "server-only";
import type { Kysely } from "kysely";
import type { Role } from "../types";
import type { AuthTables } from "./auth-tables";

export type TokenInsert = {
  name: string;
  tokenHash: string;
  role: Role;
  createdBy: string;
  createdAt: string;
  expiresAt: string | null;
  ownerUserId: number | null;
  serviceOwner: string | null;
  scoped?: boolean;
};

/** Stores a token (only its hash) and returns its id; a name taken, whatever its case, fails on the unique index. */
export async function insertToken(db: Kysely<AuthTables>, token: TokenInsert): Promise<number> {
  const { id } = await db
    .insertInto("api_tokens")
    .values({
      name: token.name,
      token_hash: token.tokenHash,
      role: token.role,
      created_by: token.createdBy,
      created_at: token.createdAt,
      expires_at: token.expiresAt,
      owner_user_id: token.ownerUserId,
      service_owner: token.serviceOwner,
      scoped: token.scoped ? 1 : 0,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}
