import { redeployContainer } from "@/lib/actions/redeploy-container";
import { callerOf, deployHookBodySchema } from "@/lib/actions/schemas";
import { route } from "@/lib/api/route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// The CI deploy hook: the pipeline that built and pushed the image asks for the redeploy with its token.
export const POST = route({ auth: "operator", body: deployHookBodySchema }, ({ body, principal, request }) =>
  redeployContainer(
    body.hostId,
    body.container,
    { force: false, graceSeconds: body.graceSeconds, image: body.image },
    callerOf(principal, request),
  ),
);
