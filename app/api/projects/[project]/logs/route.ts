import { route } from "@/lib/api/route";
import { visibilityOf } from "@/lib/fleet/fleet-targets";
import { openProjectLogStream } from "@/lib/logs/open-project-log-stream";
import { fleetEndpoints } from "@/lib/openapi/endpoints/fleet";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// `needs` repeats `auth`: the stream re-checks its caller against it for as long as it stays open.
export const GET = route(fleetEndpoints.projectLogs, ({ params, query, request, principal, access }) =>
  openProjectLogStream(request, { principal, needs: "viewer" }, params, query, visibilityOf(access)),
);
