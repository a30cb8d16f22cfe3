import { route } from "@/lib/api/route";
import { swarmEndpoints } from "@/lib/openapi/endpoints/swarm";
import { callerOf } from "@/lib/actions/schemas";
import { scaleService } from "@/lib/swarm/scale-service";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const POST = route(swarmEndpoints.scaleService, ({ params, body, request, principal }) =>
  scaleService(params.hostId, params.name, body.replicas, body.timeoutSeconds, callerOf(principal, request)),
);
