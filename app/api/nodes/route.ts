import { route } from "@/lib/api/route";
import { swarmEndpoints } from "@/lib/openapi/endpoints/swarm";
import { listNodes } from "@/lib/swarm/list-nodes";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = route(swarmEndpoints.nodes, ({ query }) => listNodes(query.host));
