import { route } from "@/lib/api/route";
import { redeployContainer } from "@/lib/actions/redeploy-container";
import { redeployBodySchema, callerOf } from "@/lib/actions/schemas";
import { containerParamsSchema } from "@/lib/fleet/schemas";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const POST = route(
  { auth: "operator", params: containerParamsSchema, body: redeployBodySchema },
  ({ params, body, request, principal }) =>
    redeployContainer(params.hostId, params.nameOrId, body, callerOf(principal, request)),
);
