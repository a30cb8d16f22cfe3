import { route } from "@/lib/api/route";
import { containerParamsSchema } from "@/lib/fleet/schemas";
import { readOlderLines } from "@/lib/logs/read-older-lines";
import { olderLinesQuerySchema } from "@/lib/logs/schemas";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = route(
  { auth: "viewer", params: containerParamsSchema, query: olderLinesQuerySchema },
  ({ params, query }) => readOlderLines(params, query),
);
