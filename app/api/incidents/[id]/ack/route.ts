import { route } from "@/lib/api/route";
import { incidentEndpoints } from "@/lib/openapi/endpoints/incidents";
import { acknowledgeIncident } from "@/lib/incidents/acknowledge-incident";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const POST = route(incidentEndpoints.acknowledge, async ({ params, principal }) =>
  acknowledgeIncident(params.id, principal.name),
);
