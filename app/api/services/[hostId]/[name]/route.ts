import { route } from "@/lib/api/route";
import { swarmEndpoints } from "@/lib/openapi/endpoints/swarm";
import { getService } from "@/lib/swarm/get-service";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = route(swarmEndpoints.service, ({ params }) => getService(params.hostId, params.name));
