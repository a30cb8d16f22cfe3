import { createChannel } from "@/lib/alerts/create-channel";
import { listChannels } from "@/lib/alerts/list-channels";
import { route } from "@/lib/api/route";
import { notificationEndpoints } from "@/lib/openapi/endpoints/notifications";
import { clientAddress } from "@/lib/auth/authenticate-request";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = route(notificationEndpoints.channels, async () => listChannels());
export const POST = route(notificationEndpoints.createChannel, async ({ body, principal, request }) => ({
  channel: await createChannel(body, principal.name, clientAddress(request)),
}));
