import { route } from "@/lib/api/route";
import { restartCrashed } from "@/lib/actions/restart-crashed";
import { restartCrashedBodySchema, callerOf } from "@/lib/actions/schemas";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const POST = route(
  { auth: "operator", body: restartCrashedBodySchema },
  ({ body, request, principal }) => restartCrashed(body.hostId, callerOf(principal, request)),
);
