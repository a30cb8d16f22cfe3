import { route } from "@/lib/api/route";
import { restartMany } from "@/lib/actions/restart-many";
import { bulkRestartBodySchema, sourceOf } from "@/lib/actions/schemas";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const POST = route({ body: bulkRestartBodySchema }, ({ body, request }) =>
  restartMany(body.containers, { actor: "anonymous", source: sourceOf(request) }),
);
