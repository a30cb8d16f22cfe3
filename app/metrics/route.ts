import { route } from "@/lib/api/route";
import { visibilityOf } from "@/lib/fleet/fleet-targets";
import { systemEndpoints } from "@/lib/openapi/endpoints/system";
import { renderMetrics } from "@/lib/metrics/render-metrics";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// Outside /api, where Prometheus looks by default; the access is read once, when the server loads the route.
// With WHARF_METRICS_PUBLIC=1 a caller without credentials sees the fleet; one who sends them sees their scope.
export const GET = route(systemEndpoints.metrics, ({ principal, access }) =>
  renderMetrics(principal ? visibilityOf(access) : undefined),
);
