import { route } from "@/lib/api/route";
import { listNodes } from "@/lib/swarm/list-nodes";
import { swarmQuerySchema } from "@/lib/swarm/schemas";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = route({ auth: "viewer", query: swarmQuerySchema }, ({ query }) => listNodes(query.host));
