import { route } from "@/lib/api/route";
import { acknowledgeIncident } from "@/lib/incidents/acknowledge-incident";
import { incidentParamsSchema } from "@/lib/incidents/schemas";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const POST = route({ auth: "operator", params: incidentParamsSchema }, async ({ params, principal }) =>
  acknowledgeIncident(params.id, principal.name),
);
