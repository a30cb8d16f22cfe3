import { route } from "@/lib/api/route";
import { exportInventoryCsv } from "@/lib/fleet/export-inventory-csv";
import { visibilityOf } from "@/lib/fleet/fleet-targets";
import { insightEndpoints } from "@/lib/openapi/endpoints/insights";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = route(insightEndpoints.inventoryCsv, async ({ access }) =>
  exportInventoryCsv(visibilityOf(access)),
);
