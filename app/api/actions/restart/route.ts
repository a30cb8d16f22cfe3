import { route } from "@/lib/api/route";
import { restartMany } from "@/lib/actions/restart-many";
import { bulkRestartBodySchema, callerOf } from "@/lib/actions/schemas";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const POST = route({ auth: "operator", body: bulkRestartBodySchema }, ({ body, request, principal }) =>
  restartMany(body.containers, callerOf(principal, request)),
);
