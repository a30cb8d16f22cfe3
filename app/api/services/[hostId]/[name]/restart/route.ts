import { route } from "@/lib/api/route";
import { serviceEndpoints } from "@/lib/openapi/endpoints/services";
import { callerOf } from "@/lib/actions/schemas";
import { restartService } from "@/lib/services/restart-service";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const POST = route(serviceEndpoints.restartService, ({ params, body, request, principal }) =>
  restartService(params.hostId, params.name, body.timeoutSeconds, callerOf(principal, request)),
);
