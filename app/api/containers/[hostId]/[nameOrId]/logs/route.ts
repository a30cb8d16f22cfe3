import { route } from "@/lib/api/route";
import { containerParamsSchema } from "@/lib/fleet/schemas";
import { openLogStream } from "@/lib/logs/open-log-stream";
import { logsQuerySchema } from "@/lib/logs/schemas";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = route(
  { auth: "viewer", params: containerParamsSchema, query: logsQuerySchema },
  ({ params, query, request }) => openLogStream(request, params, query),
);
