import { route } from "@/lib/api/route";
import { acknowledgeIncident } from "@/lib/incidents/acknowledge-incident";
import { incidentParamsSchema } from "@/lib/incidents/schemas";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// "anonymous" until users exist (the auth issue replaces it with the caller).
export const POST = route({ params: incidentParamsSchema }, async ({ params }) => acknowledgeIncident(params.id, "anonymous"));
