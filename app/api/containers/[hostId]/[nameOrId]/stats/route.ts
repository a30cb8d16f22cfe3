import { route } from "@/lib/api/route";
import { containerParamsSchema } from "@/lib/fleet/schemas";
import { statsQuerySchema } from "@/lib/logs/schemas";
import { openStatsStream } from "@/lib/stats/open-stats-stream";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = route({ params: containerParamsSchema, query: statsQuerySchema }, ({ params, request }) =>
  openStatsStream(request, params),
);
