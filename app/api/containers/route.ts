import { maySendGzip } from "@/lib/api/accepts-gzip";
import { route } from "@/lib/api/route";
import { containersResponse } from "@/lib/fleet/list-containers";
import { containersQuerySchema } from "@/lib/fleet/schemas";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = route({ auth: "viewer", query: containersQuerySchema }, ({ query, request }) =>
  containersResponse({ hosts: query.host, states: query.state, q: query.q }, maySendGzip(request)),
);
