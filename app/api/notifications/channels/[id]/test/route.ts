import { channelIdParamsSchema } from "@/lib/alerts/schemas";
import { testChannel } from "@/lib/alerts/test-channel";
import { route } from "@/lib/api/route";
import { getDb } from "@/lib/db/db";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const POST = route({ auth: "admin", params: channelIdParamsSchema }, async ({ params }) =>
  testChannel(getDb(), params.id),
);
