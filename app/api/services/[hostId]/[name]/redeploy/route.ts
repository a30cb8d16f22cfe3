import { route } from "@/lib/api/route";
import { callerOf } from "@/lib/actions/schemas";
import { redeployService } from "@/lib/swarm/redeploy-service";
import { serviceParamsSchema, serviceRedeployBodySchema } from "@/lib/swarm/schemas";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const POST = route(
  { auth: "operator", params: serviceParamsSchema, body: serviceRedeployBodySchema },
  ({ params, body, request, principal }) =>
    redeployService(params.hostId, params.name, body, callerOf(principal, request)),
);
