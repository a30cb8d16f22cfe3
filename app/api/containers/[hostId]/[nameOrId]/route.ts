import { route } from "@/lib/api/route";
import { fleetEndpoints } from "@/lib/openapi/endpoints/fleet";
import { getContainer } from "@/lib/fleet/get-container";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = route(fleetEndpoints.container, ({ params }) =>
  getContainer(params.hostId, params.nameOrId),
);
