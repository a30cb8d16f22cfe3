import { route } from "@/lib/api/route";
import { readInsights } from "@/lib/insights/read-insights";
import { insightsQuerySchema } from "@/lib/insights/schemas";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = route({ auth: "viewer", query: insightsQuerySchema }, async ({ query }) =>
  readInsights(query),
);
