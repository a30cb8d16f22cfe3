import { route } from "@/lib/api/route";
import { visibilityOf } from "@/lib/fleet/fleet-targets";
import { serviceEndpoints } from "@/lib/openapi/endpoints/services";
import { listNodes } from "@/lib/services/list-nodes";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = route(serviceEndpoints.nodes, ({ query, access }) =>
  listNodes(query.host, visibilityOf(access)),
);
