import { tokensApi } from "@/lib/auth/manage-tokens";
import { route } from "@/lib/api/route";
import { authEndpoints } from "@/lib/openapi/endpoints/auth";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = route(authEndpoints.listTokens, async () => tokensApi.list());
export const POST = route(authEndpoints.createToken, async ({ body, principal, request }) =>
  tokensApi.create(body, principal, request),
);
