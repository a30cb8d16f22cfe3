import { route } from "@/lib/api/route";
import { systemEndpoints } from "@/lib/openapi/endpoints/system";
import { renderMetrics } from "@/lib/metrics/render-metrics";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// Outside /api, where Prometheus looks by default; the access is read once, when the server loads the route.
export const GET = route(systemEndpoints.metrics, () => renderMetrics());
