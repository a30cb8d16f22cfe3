import { route } from "@/lib/api/route";
import { redeployContainer } from "@/lib/actions/redeploy-container";
import { redeployBodySchema, sourceOf } from "@/lib/actions/schemas";
import { containerParamsSchema } from "@/lib/fleet/schemas";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const POST = route({ params: containerParamsSchema, body: redeployBodySchema }, ({ params, body, request }) =>
  redeployContainer(params.hostId, params.nameOrId, body, { actor: "anonymous", source: sourceOf(request) }),
);
