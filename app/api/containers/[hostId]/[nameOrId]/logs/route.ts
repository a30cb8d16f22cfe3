import { route } from "@/lib/api/route";
import { containerParamsSchema } from "@/lib/fleet/schemas";
import { openLogStream } from "@/lib/logs/open-log-stream";
import { logsQuerySchema } from "@/lib/logs/schemas";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// `needs` repeats `auth`: the stream re-checks its caller against it for as long as it stays open.
export const GET = route(
  { auth: "viewer", params: containerParamsSchema, query: logsQuerySchema },
  ({ params, query, request, principal }) =>
    openLogStream(request, { principal, needs: "viewer" }, params, query),
);
