import { route } from "@/lib/api/route";
import { serviceEndpoints } from "@/lib/openapi/endpoints/services";
import { callerOf } from "@/lib/actions/schemas";
import { rollbackService } from "@/lib/services/rollback-service";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const POST = route(serviceEndpoints.rollbackService, ({ params, body, request, principal }) =>
  rollbackService(params.hostId, params.name, body.timeoutSeconds, callerOf(principal, request)),
);
