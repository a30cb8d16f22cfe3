import { listDeliveries } from "@/lib/alerts/list-deliveries";
import { channelIdParamsSchema, deliveriesQuerySchema } from "@/lib/alerts/schemas";
import { route } from "@/lib/api/route";
import { getDb } from "@/lib/db/db";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = route(
  { auth: "admin", params: channelIdParamsSchema, query: deliveriesQuerySchema },
  async ({ params, query }) => listDeliveries(getDb(), params.id, query.limit),
);
