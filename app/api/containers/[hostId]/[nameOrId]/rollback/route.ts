import { route } from "@/lib/api/route";
import { rollbackContainer } from "@/lib/actions/rollback-container";
import { rollbackBodySchema, callerOf } from "@/lib/actions/schemas";
import { containerParamsSchema } from "@/lib/fleet/schemas";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const POST = route(
  { auth: "operator", params: containerParamsSchema, body: rollbackBodySchema },
  ({ params, body, request, principal }) =>
    rollbackContainer(params.hostId, params.nameOrId, body.graceSeconds, callerOf(principal, request)),
);
