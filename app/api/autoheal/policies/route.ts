import { route } from "@/lib/api/route";
import { clientAddress } from "@/lib/auth/authenticate-request";
import { listPolicies } from "@/lib/autoheal/list-policies";
import { policyBodySchema } from "@/lib/autoheal/schemas";
import { setPolicy } from "@/lib/autoheal/set-policy";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = route({ auth: "viewer" }, async () => listPolicies());
export const POST = route(
  { auth: "operator", body: policyBodySchema },
  async ({ body, principal, request }) => setPolicy(body, principal.name, clientAddress(request)),
);
