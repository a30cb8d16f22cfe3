import { route } from "@/lib/api/route";
import { runLifecycleAction } from "@/lib/actions/run-lifecycle-action";
import { lifecycleBodySchema, callerOf } from "@/lib/actions/schemas";
import { containerParamsSchema } from "@/lib/fleet/schemas";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const POST = route(
  { auth: "operator", params: containerParamsSchema, body: lifecycleBodySchema },
  ({ params, request, principal }) =>
    runLifecycleAction(params.hostId, params.nameOrId, "restart", callerOf(principal, request)),
);
