import "server-only";
import { authDatabase } from "@/lib/auth/auth-database";
import { clientAddress } from "@/lib/auth/authenticate-request";
import { createToken } from "@/lib/auth/create-token";
import { listAudit } from "@/lib/auth/list-audit";
import { listTokens } from "@/lib/auth/list-tokens";
import { revokeToken } from "@/lib/auth/revoke-token";
import type { NewToken } from "@/lib/auth/schemas";
import type { Principal } from "@/lib/auth/types";

// The admin endpoints for API tokens and the audit log, each one call into lib/auth.
export const tokensApi = {
  list: async () => ({ tokens: await listTokens(await authDatabase()) }),
  create: async (input: NewToken, by: Principal, request: Request) =>
    createToken(await authDatabase(), input, by, clientAddress(request)),
  revoke: async (id: number, by: Principal, request: Request) => ({
    token: await revokeToken(await authDatabase(), id, by.name, clientAddress(request)),
  }),
  audit: async (limit: number | undefined) => ({ entries: await listAudit(await authDatabase(), { limit }) }),
};
