import { route } from "@/lib/api/route";
import { listServices } from "@/lib/swarm/list-services";
import { swarmQuerySchema } from "@/lib/swarm/schemas";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = route({ auth: "viewer", query: swarmQuerySchema }, ({ query }) =>
  listServices(query.host),
);
