import { route } from "@/lib/api/route";
import { getService } from "@/lib/swarm/get-service";
import { serviceParamsSchema } from "@/lib/swarm/schemas";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = route({ auth: "viewer", params: serviceParamsSchema }, ({ params }) =>
  getService(params.hostId, params.name),
);
