import { route } from "@/lib/api/route";
import { restartCrashed } from "@/lib/actions/restart-crashed";
import { restartCrashedBodySchema, sourceOf } from "@/lib/actions/schemas";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const POST = route({ body: restartCrashedBodySchema }, ({ body, request }) =>
  restartCrashed(body.hostId, { actor: "anonymous", source: sourceOf(request) }),
);
