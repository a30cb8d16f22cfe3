import { route } from "@/lib/api/route";
import { readOlderLines } from "@/lib/logs/read-older-lines";
import { fleetEndpoints } from "@/lib/openapi/endpoints/fleet";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = route(fleetEndpoints.olderLogs, ({ params, query, principal }) =>
  readOlderLines(params, query, `${principal.kind}:${principal.name}`),
);
