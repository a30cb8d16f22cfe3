import { route } from "@/lib/api/route";
import { autohealEndpoints } from "@/lib/openapi/endpoints/autoheal";
import { clientAddress } from "@/lib/auth/authenticate-request";
import { visibilityOf } from "@/lib/fleet/fleet-targets";
import { listPolicies } from "@/lib/autoheal/list-policies";
import { setPolicy } from "@/lib/autoheal/set-policy";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = route(autohealEndpoints.policies, async ({ access }) =>
  listPolicies(visibilityOf(access)),
);
export const POST = route(autohealEndpoints.setPolicy, async ({ body, principal, request }) =>
  setPolicy(body, principal.name, clientAddress(request)),
);
