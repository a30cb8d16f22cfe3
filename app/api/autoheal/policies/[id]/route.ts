import { route } from "@/lib/api/route";
import { autohealEndpoints } from "@/lib/openapi/endpoints/autoheal";
import { clientAddress } from "@/lib/auth/authenticate-request";
import { deletePolicy } from "@/lib/autoheal/delete-policy";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const DELETE = route(autohealEndpoints.deletePolicy, async ({ params, principal, request }) =>
  deletePolicy(params.id, principal.name, clientAddress(request)),
);
