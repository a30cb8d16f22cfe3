import { route } from "@/lib/api/route";
import { actionEndpoints } from "@/lib/openapi/endpoints/actions";
import { redeployContainer } from "@/lib/actions/redeploy-container";
import { callerOf } from "@/lib/actions/schemas";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const POST = route(actionEndpoints.redeploy, ({ params, body, request, principal }) =>
  redeployContainer(params.hostId, params.nameOrId, body, callerOf(principal, request)),
);
