import { route } from "@/lib/api/route";
import { incidentEndpoints } from "@/lib/openapi/endpoints/incidents";
import { visibilityOf } from "@/lib/fleet/fleet-targets";
import { listIncidents } from "@/lib/incidents/list-incidents";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = route(incidentEndpoints.incidents, async ({ query, access }) =>
  listIncidents(query, visibilityOf(access)),
);
