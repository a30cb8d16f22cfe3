import { callerOf } from "@/lib/actions/schemas";
import { route } from "@/lib/api/route";
import { previewPrune, pruneImages } from "@/lib/images/prune-images";
import { imageEndpoints } from "@/lib/openapi/endpoints/images";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const POST = route(imageEndpoints.pruneImages, ({ params, body, principal, request }) =>
  body.dryRun
    ? previewPrune(params.hostId)
    : pruneImages(params.hostId, body.ids, callerOf(principal, request)),
);
