import { route } from "@/lib/api/route";
import { actionEndpoints } from "@/lib/openapi/endpoints/actions";
import { restartCrashed } from "@/lib/actions/restart-crashed";
import { callerOf } from "@/lib/actions/schemas";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const POST = route(actionEndpoints.restartCrashed, ({ body, request, principal }) =>
  restartCrashed(body.hostId, callerOf(principal, request)),
);
