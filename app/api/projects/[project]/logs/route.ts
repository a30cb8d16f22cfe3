import { route } from "@/lib/api/route";
import { openProjectLogStream } from "@/lib/logs/open-project-log-stream";
import { projectLogsQuerySchema, projectParamsSchema } from "@/lib/logs/schemas";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// `needs` repeats `auth`: the stream re-checks its caller against it for as long as it stays open.
export const GET = route(
  { auth: "viewer", params: projectParamsSchema, query: projectLogsQuerySchema },
  ({ params, query, request, principal }) =>
    openProjectLogStream(request, { principal, needs: "viewer" }, params, query),
);
