import { route } from "@/lib/api/route";
import { fleetEndpoints } from "@/lib/openapi/endpoints/fleet";
import { openStatsStream } from "@/lib/stats/open-stats-stream";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// `needs` repeats `auth`: the stream re-checks its caller against it for as long as it stays open.
export const GET = route(fleetEndpoints.stats, ({ params, request, principal, targets }) =>
  openStatsStream(request, { principal, needs: "viewer", target: targets[0] }, params),
);
