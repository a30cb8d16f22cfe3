import { route } from "@/lib/api/route";
import { swarmEndpoints } from "@/lib/openapi/endpoints/swarm";
import { callerOf } from "@/lib/actions/schemas";
import { rollbackService } from "@/lib/swarm/rollback-service";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const POST = route(swarmEndpoints.rollbackService, ({ params, body, request, principal }) =>
  rollbackService(params.hostId, params.name, body.timeoutSeconds, callerOf(principal, request)),
);
