import { route } from "@/lib/api/route";
import { grantsApi } from "@/lib/auth/manage-teams";
import { teamEndpoints } from "@/lib/openapi/endpoints/teams";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const DELETE = route(teamEndpoints.removeGrant, async ({ params, principal, request }) =>
  grantsApi.remove(params.id, principal, request),
);
