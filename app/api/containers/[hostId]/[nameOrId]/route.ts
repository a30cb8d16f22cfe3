import { route } from "@/lib/api/route";
import { getContainer } from "@/lib/fleet/get-container";
import { containerParamsSchema } from "@/lib/fleet/schemas";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = route({ auth: "viewer", params: containerParamsSchema }, ({ params }) =>
  getContainer(params.hostId, params.nameOrId),
);
