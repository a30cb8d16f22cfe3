import { listDeliveries } from "@/lib/alerts/list-deliveries";
import { route } from "@/lib/api/route";
import { notificationEndpoints } from "@/lib/openapi/endpoints/notifications";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = route(notificationEndpoints.deliveries, async ({ params, query }) =>
  listDeliveries(params.id, query.limit),
);
