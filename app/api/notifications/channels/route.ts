import { createChannel } from "@/lib/alerts/create-channel";
import { listChannels } from "@/lib/alerts/list-channels";
import { newChannelSchema } from "@/lib/alerts/schemas";
import { route } from "@/lib/api/route";
import { clientAddress } from "@/lib/auth/authenticate-request";
import { getDb } from "@/lib/db/db";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = route({ auth: "admin" }, async () => listChannels(getDb()));
export const POST = route(
  { auth: "admin", body: newChannelSchema },
  async ({ body, principal, request }) => ({
    channel: createChannel(getDb(), body, principal.name, clientAddress(request)),
  }),
);
