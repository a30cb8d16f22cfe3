import { listDeliveries } from "@/lib/alerts/list-deliveries";
import { route } from "@/lib/api/route";
import { alertEndpoints } from "@/lib/openapi/endpoints/alerts";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = route(alertEndpoints.deliveries, async ({ params, query }) =>
  listDeliveries(params.id, query.limit),
);
