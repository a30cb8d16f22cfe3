import { route } from "@/lib/api/route";
import { visibilityOf } from "@/lib/fleet/fleet-targets";
import { readInsights } from "@/lib/insights/read-insights";
import { insightEndpoints } from "@/lib/openapi/endpoints/insights";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = route(insightEndpoints.insights, async ({ query, access }) =>
  readInsights(query, visibilityOf(access)),
);
