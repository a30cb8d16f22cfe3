import { route } from "@/lib/api/route";
import { incidentEndpoints } from "@/lib/openapi/endpoints/incidents";
import { deployTimeline } from "@/lib/history/deploy-timeline";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = route(incidentEndpoints.timeline, async ({ query, access }) =>
  deployTimeline(query, access),
);
