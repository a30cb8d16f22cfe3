import { route } from "@/lib/api/route";
import { containerParamsSchema } from "@/lib/fleet/schemas";
import { openStatsStream } from "@/lib/stats/open-stats-stream";
import { statsQuerySchema } from "@/lib/stats/schemas";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// The stream re-checks its caller against the same role for as long as it stays open.
const needs = "viewer";
export const GET = route({ auth: needs, params: containerParamsSchema, query: statsQuerySchema }, ({ params, request, principal }) =>
  openStatsStream(request, { principal, needs }, params),
);
