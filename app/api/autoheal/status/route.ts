import { route } from "@/lib/api/route";
import { autohealEndpoints } from "@/lib/openapi/endpoints/autoheal";
import { readStatus } from "@/lib/autoheal/read-status";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = route(autohealEndpoints.status, async ({ query }) =>
  readStatus(query.host, query.container),
);
