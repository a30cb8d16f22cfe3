import { tokensApi } from "@/lib/auth/manage-tokens";
import { route } from "@/lib/api/route";
import { authEndpoints } from "@/lib/openapi/endpoints/auth";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const DELETE = route(authEndpoints.revokeToken, async ({ params, principal, request }) =>
  tokensApi.revoke(params.id, principal, request),
);
