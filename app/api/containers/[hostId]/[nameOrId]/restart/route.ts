import { route } from "@/lib/api/route";
import { runLifecycleAction } from "@/lib/actions/run-lifecycle-action";
import { lifecycleBodySchema, sourceOf } from "@/lib/actions/schemas";
import { containerParamsSchema } from "@/lib/fleet/schemas";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const POST = route({ params: containerParamsSchema, body: lifecycleBodySchema }, ({ params, request }) =>
  runLifecycleAction(params.hostId, params.nameOrId, "restart", { actor: "anonymous", source: sourceOf(request) }),
);
