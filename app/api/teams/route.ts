import { route } from "@/lib/api/route";
import { teamsApi } from "@/lib/auth/manage-teams";
import { teamEndpoints } from "@/lib/openapi/endpoints/teams";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = route(teamEndpoints.listTeams, async () => teamsApi.list());
export const POST = route(teamEndpoints.createTeam, async ({ body, principal, request }) =>
  teamsApi.create(body, principal, request),
);
