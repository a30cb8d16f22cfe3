import { deleteChannel } from "@/lib/alerts/delete-channel";
import { updateChannel } from "@/lib/alerts/update-channel";
import { route } from "@/lib/api/route";
import { notificationEndpoints } from "@/lib/openapi/endpoints/notifications";
import { clientAddress } from "@/lib/auth/authenticate-request";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const PATCH = route(
  notificationEndpoints.updateChannel,
  async ({ params, body, principal, request }) => ({
    channel: await updateChannel(params.id, body, principal.name, clientAddress(request)),
  }),
);
export const DELETE = route(notificationEndpoints.deleteChannel, async ({ params, principal, request }) =>
  deleteChannel(params.id, principal.name, clientAddress(request)),
);
