import { maySendGzip } from "@/lib/api/accepts-gzip";
import { route } from "@/lib/api/route";
import { fleetEndpoints } from "@/lib/openapi/endpoints/fleet";
import { visibilityOf } from "@/lib/fleet/fleet-targets";
import { containersResponse } from "@/lib/fleet/list-containers";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = route(fleetEndpoints.containers, ({ query, request, access }) =>
  containersResponse(
    { hosts: query.host, states: query.state, q: query.q },
    maySendGzip(request),
    visibilityOf(access),
  ),
);
