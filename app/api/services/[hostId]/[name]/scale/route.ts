import { route } from "@/lib/api/route";
import { serviceEndpoints } from "@/lib/openapi/endpoints/services";
import { callerOf } from "@/lib/actions/schemas";
import { scaleService } from "@/lib/services/scale-service";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const POST = route(serviceEndpoints.scaleService, ({ params, body, request, principal }) =>
  scaleService(params.hostId, params.name, body.replicas, body.timeoutSeconds, callerOf(principal, request)),
);
