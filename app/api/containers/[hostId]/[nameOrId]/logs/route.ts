import { route } from "@/lib/api/route";
import { containerParamsSchema } from "@/lib/fleet/schemas";
import { openLogStream } from "@/lib/logs/open-log-stream";
import { logsQuerySchema } from "@/lib/logs/schemas";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// The stream re-checks its caller against the same role for as long as it stays open.
const needs = "viewer";
export const GET = route({ auth: needs, params: containerParamsSchema, query: logsQuerySchema }, ({ params, query, request, principal }) =>
  openLogStream(request, { principal, needs }, params, query),
);
