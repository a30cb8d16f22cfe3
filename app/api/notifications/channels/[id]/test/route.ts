import { testChannel } from "@/lib/alerts/test-channel";
import { route } from "@/lib/api/route";
import { notificationEndpoints } from "@/lib/openapi/endpoints/notifications";
import { clientAddress } from "@/lib/auth/authenticate-request";
import { getDb } from "@/lib/db/db";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const POST = route(notificationEndpoints.testChannel, async ({ params, principal, request }) =>
  testChannel(getDb(), params.id, principal.name, clientAddress(request)),
);
