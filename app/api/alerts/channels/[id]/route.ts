import { deleteChannel } from "@/lib/alerts/delete-channel";
import { updateChannel } from "@/lib/alerts/update-channel";
import { route } from "@/lib/api/route";
import { alertEndpoints } from "@/lib/openapi/endpoints/alerts";
import { clientAddress } from "@/lib/auth/authenticate-request";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const PATCH = route(alertEndpoints.updateChannel, async ({ params, body, principal, request }) => ({
  channel: await updateChannel(params.id, body, principal.name, clientAddress(request)),
}));
export const DELETE = route(alertEndpoints.deleteChannel, async ({ params, principal, request }) =>
  deleteChannel(params.id, principal.name, clientAddress(request)),
);
