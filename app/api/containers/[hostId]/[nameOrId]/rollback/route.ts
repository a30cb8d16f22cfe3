import { route } from "@/lib/api/route";
import { rollbackContainer } from "@/lib/actions/rollback-container";
import { rollbackBodySchema, sourceOf } from "@/lib/actions/schemas";
import { containerParamsSchema } from "@/lib/fleet/schemas";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const POST = route({ params: containerParamsSchema, body: rollbackBodySchema }, ({ params, body, request }) =>
  rollbackContainer(params.hostId, params.nameOrId, body.graceSeconds, { actor: "anonymous", source: sourceOf(request) }),
);
