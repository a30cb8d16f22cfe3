import { route } from "@/lib/api/route";
import { callerOf } from "@/lib/actions/schemas";
import { scaleService } from "@/lib/swarm/scale-service";
import { serviceParamsSchema, serviceScaleBodySchema } from "@/lib/swarm/schemas";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const POST = route(
  { auth: "operator", params: serviceParamsSchema, body: serviceScaleBodySchema },
  ({ params, body, request, principal }) =>
    scaleService(
      params.hostId,
      params.name,
      body.replicas,
      body.timeoutSeconds,
      callerOf(principal, request),
    ),
);
