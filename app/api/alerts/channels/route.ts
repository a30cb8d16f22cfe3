import { createChannel } from "@/lib/alerts/create-channel";
import { listChannels } from "@/lib/alerts/list-channels";
import { route } from "@/lib/api/route";
import { alertEndpoints } from "@/lib/openapi/endpoints/alerts";
import { clientAddress } from "@/lib/auth/authenticate-request";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = route(alertEndpoints.channels, async () => listChannels());
export const POST = route(alertEndpoints.createChannel, async ({ body, principal, request }) => ({
  channel: await createChannel(body, principal.name, clientAddress(request)),
}));
