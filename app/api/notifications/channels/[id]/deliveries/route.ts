import { listDeliveries } from "@/lib/alerts/list-deliveries";
import { route } from "@/lib/api/route";
import { notificationEndpoints } from "@/lib/openapi/endpoints/notifications";
import { getDb } from "@/lib/db/db";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = route(notificationEndpoints.deliveries, async ({ params, query }) =>
  listDeliveries(getDb(), params.id, query.limit),
);
