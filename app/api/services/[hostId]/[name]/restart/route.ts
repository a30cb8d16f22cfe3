import { route } from "@/lib/api/route";
import { swarmEndpoints } from "@/lib/openapi/endpoints/swarm";
import { callerOf } from "@/lib/actions/schemas";
import { restartService } from "@/lib/swarm/restart-service";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const POST = route(swarmEndpoints.restartService, ({ params, body, request, principal }) =>
  restartService(params.hostId, params.name, body.timeoutSeconds, callerOf(principal, request)),
);
