import { route } from "@/lib/api/route";
import { serviceEndpoints } from "@/lib/openapi/endpoints/services";
import { callerOf } from "@/lib/actions/schemas";
import { redeployService } from "@/lib/services/redeploy-service";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const POST = route(serviceEndpoints.redeployService, ({ params, body, request, principal }) =>
  redeployService(params.hostId, params.name, body, callerOf(principal, request)),
);
