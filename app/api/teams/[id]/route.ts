import { route } from "@/lib/api/route";
import { teamsApi } from "@/lib/auth/manage-teams";
import { teamEndpoints } from "@/lib/openapi/endpoints/teams";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const PATCH = route(teamEndpoints.renameTeam, async ({ params, body, principal, request }) =>
  teamsApi.rename(params.id, body, principal, request),
);
export const DELETE = route(teamEndpoints.deleteTeam, async ({ params, principal, request }) =>
  teamsApi.remove(params.id, principal, request),
);
