import { route } from "@/lib/api/route";
import { teamsApi } from "@/lib/auth/manage-teams";
import { teamEndpoints } from "@/lib/openapi/endpoints/teams";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const PUT = route(teamEndpoints.addTeamMember, async ({ params, principal, request }) =>
  teamsApi.member(params.id, params.userId, true, principal, request),
);
export const DELETE = route(teamEndpoints.removeTeamMember, async ({ params, principal, request }) =>
  teamsApi.member(params.id, params.userId, false, principal, request),
);
