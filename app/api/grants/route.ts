import { route } from "@/lib/api/route";
import { grantsApi } from "@/lib/auth/manage-teams";
import { teamEndpoints } from "@/lib/openapi/endpoints/teams";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = route(teamEndpoints.listGrants, async () => grantsApi.list());
export const POST = route(teamEndpoints.addGrant, async ({ body, principal, request }) =>
  grantsApi.add(body, principal, request),
);
