import { route } from "@/lib/api/route";
import { clientAddress } from "@/lib/auth/authenticate-request";
import { deletePolicy } from "@/lib/autoheal/delete-policy";
import { policyParamsSchema } from "@/lib/autoheal/schemas";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const DELETE = route(
  { auth: "operator", params: policyParamsSchema },
  async ({ params, principal, request }) => deletePolicy(params.id, principal.name, clientAddress(request)),
);
