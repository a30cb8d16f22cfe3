import { route } from "@/lib/api/route";
import { callerOf } from "@/lib/actions/schemas";
import { restartService } from "@/lib/swarm/restart-service";
import { serviceParamsSchema, serviceWaitBodySchema } from "@/lib/swarm/schemas";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const POST = route(
  { auth: "operator", params: serviceParamsSchema, body: serviceWaitBodySchema },
  ({ params, body, request, principal }) =>
    restartService(params.hostId, params.name, body.timeoutSeconds, callerOf(principal, request)),
);
