import { route } from "@/lib/api/route";
import { actionEndpoints } from "@/lib/openapi/endpoints/actions";
import { restartMany } from "@/lib/actions/restart-many";
import { callerOf } from "@/lib/actions/schemas";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const POST = route(actionEndpoints.restartMany, ({ body, request, principal }) =>
  restartMany(body.containers, callerOf(principal, request)),
);
