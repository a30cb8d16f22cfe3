import { route } from "@/lib/api/route";
import { swarmEndpoints } from "@/lib/openapi/endpoints/swarm";
import { callerOf } from "@/lib/actions/schemas";
import { redeployService } from "@/lib/swarm/redeploy-service";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const POST = route(swarmEndpoints.redeployService, ({ params, body, request, principal }) =>
  redeployService(params.hostId, params.name, body, callerOf(principal, request)),
);
