import { testChannel } from "@/lib/alerts/test-channel";
import { route } from "@/lib/api/route";
import { alertEndpoints } from "@/lib/openapi/endpoints/alerts";
import { clientAddress } from "@/lib/auth/authenticate-request";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const POST = route(alertEndpoints.testChannel, async ({ params, principal, request }) =>
  testChannel(params.id, principal.name, clientAddress(request)),
);
