import { route } from "@/lib/api/route";
import { deployTimeline } from "@/lib/deploys/deploy-timeline";
import { historyTimelineQuerySchema } from "@/lib/deploys/schemas";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = route({ auth: "viewer", query: historyTimelineQuerySchema }, async ({ query }) =>
  deployTimeline(query),
);
