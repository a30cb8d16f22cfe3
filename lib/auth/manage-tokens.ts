import "server-only";
import { clientAddress } from "@/lib/auth/authenticate-request";
import { createToken } from "@/lib/auth/create-token";
import { listAudit } from "@/lib/auth/list-audit";
import { listTokens } from "@/lib/auth/list-tokens";
import { revokeToken } from "@/lib/auth/revoke-token";
import type { NewToken } from "@/lib/auth/schemas";
import type { Principal } from "@/lib/auth/types";
import { getDb } from "@/lib/db/db";

// The admin endpoints for API tokens and the audit log, each one call into lib/auth.
export const tokensApi = {
  list: () => ({ tokens: listTokens(getDb()) }),
  create: (input: NewToken, by: Principal, request: Request) =>
    createToken(getDb(), input, by, clientAddress(request)),
  revoke: (id: number, by: Principal, request: Request) => ({
    token: revokeToken(getDb(), id, by.name, clientAddress(request)),
  }),
  audit: (limit: number | undefined) => ({ entries: listAudit(getDb(), { limit }) }),
};
