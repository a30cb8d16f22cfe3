import { route } from "@/lib/api/route";
import { deployTimeline } from "@/lib/history/deploy-timeline";
import { historyTimelineQuerySchema } from "@/lib/history/schemas";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = route({ auth: "viewer", query: historyTimelineQuerySchema }, async ({ query }) =>
  deployTimeline(query),
);
