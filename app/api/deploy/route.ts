import { redeployContainer } from "@/lib/actions/redeploy-container";
import { callerOf } from "@/lib/actions/schemas";
import { route } from "@/lib/api/route";
import { actionEndpoints } from "@/lib/openapi/endpoints/actions";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// The CI deploy hook: the pipeline that built and pushed the image asks for the redeploy with its token.
export const POST = route(actionEndpoints.deploy, ({ body, principal, request }) =>
  redeployContainer(
    body.hostId,
    body.container,
    { force: false, graceSeconds: body.graceSeconds, image: body.image },
    callerOf(principal, request),
  ),
);
