import { route } from "@/lib/api/route";
import { containerParamsSchema } from "@/lib/fleet/schemas";
import { openStatsStream } from "@/lib/stats/open-stats-stream";
import { statsQuerySchema } from "@/lib/stats/schemas";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = route(
  { auth: "viewer", params: containerParamsSchema, query: statsQuerySchema },
  ({ params, request }) => openStatsStream(request, params),
);
