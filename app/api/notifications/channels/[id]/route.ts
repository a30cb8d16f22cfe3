import { deleteChannel } from "@/lib/alerts/delete-channel";
import { channelIdParamsSchema, channelPatchSchema } from "@/lib/alerts/schemas";
import { updateChannel } from "@/lib/alerts/update-channel";
import { route } from "@/lib/api/route";
import { clientAddress } from "@/lib/auth/authenticate-request";
import { getDb } from "@/lib/db/db";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const PATCH = route(
  { auth: "admin", params: channelIdParamsSchema, body: channelPatchSchema },
  async ({ params, body, principal, request }) => ({
    channel: updateChannel(getDb(), params.id, body, principal.name, clientAddress(request)),
  }),
);
export const DELETE = route(
  { auth: "admin", params: channelIdParamsSchema },
  async ({ params, principal, request }) =>
    deleteChannel(getDb(), params.id, principal.name, clientAddress(request)),
);
