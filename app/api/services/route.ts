import { route } from "@/lib/api/route";
import { swarmEndpoints } from "@/lib/openapi/endpoints/swarm";
import { listServices } from "@/lib/swarm/list-services";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = route(swarmEndpoints.services, ({ query }) => listServices(query.host));
