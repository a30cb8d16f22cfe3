import { route } from "@/lib/api/route";
import { actionEndpoints } from "@/lib/openapi/endpoints/actions";
import { rollbackContainer } from "@/lib/actions/rollback-container";
import { callerOf } from "@/lib/actions/schemas";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const POST = route(actionEndpoints.rollback, ({ params, body, request, principal }) =>
  rollbackContainer(params.hostId, params.nameOrId, body.graceSeconds, callerOf(principal, request)),
);
