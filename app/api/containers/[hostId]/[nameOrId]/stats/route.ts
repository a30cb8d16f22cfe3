import { route } from "@/lib/api/route";
import { containerParamsSchema } from "@/lib/fleet/schemas";
import { openStatsStream } from "@/lib/stats/open-stats-stream";
import { statsQuerySchema } from "@/lib/stats/schemas";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// `needs` repeats `auth`: the stream re-checks its caller against it for as long as it stays open.
export const GET = route(
  { auth: "viewer", params: containerParamsSchema, query: statsQuerySchema },
  ({ params, request, principal }) => openStatsStream(request, { principal, needs: "viewer" }, params),
);
