import { route } from "@/lib/api/route";
import { incidentEndpoints } from "@/lib/openapi/endpoints/incidents";
import { exportHistoryCsv } from "@/lib/history/export-history-csv";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = route(incidentEndpoints.historyCsv, async ({ query, access }) =>
  exportHistoryCsv(query, access),
);
