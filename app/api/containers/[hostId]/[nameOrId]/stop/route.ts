import { route } from "@/lib/api/route";
import { actionEndpoints } from "@/lib/openapi/endpoints/actions";
import { runLifecycleAction } from "@/lib/actions/run-lifecycle-action";
import { callerOf } from "@/lib/actions/schemas";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const POST = route(actionEndpoints.stop, ({ params, request, principal }) =>
  runLifecycleAction(params.hostId, params.nameOrId, "stop", callerOf(principal, request)),
);
