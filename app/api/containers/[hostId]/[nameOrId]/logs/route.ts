import { route } from "@/lib/api/route";
import { fleetEndpoints } from "@/lib/openapi/endpoints/fleet";
import { openLogStream } from "@/lib/logs/open-log-stream";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// `needs` repeats `auth`: the stream re-checks its caller against it for as long as it stays open.
export const GET = route(fleetEndpoints.logs, ({ params, query, request, principal, targets }) =>
  openLogStream(request, { principal, needs: "viewer", target: targets[0] }, params, query),
);
