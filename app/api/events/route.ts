import { route } from "@/lib/api/route";
import { visibilityOf } from "@/lib/fleet/fleet-targets";
import { openEventStream } from "@/lib/fleet/live/open-event-stream";
import { listOpenIncidents } from "@/lib/incidents/list-open-incidents";
import { fleetEndpoints } from "@/lib/openapi/endpoints/fleet";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// `needs` repeats `auth`: the stream re-checks its caller against it for as long as it stays open.
export const GET = route(fleetEndpoints.events, ({ request, principal, access }) =>
  openEventStream(request, { principal, needs: "viewer" }, listOpenIncidents, visibilityOf(access)),
);
