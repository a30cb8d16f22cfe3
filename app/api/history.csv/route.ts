import { route } from "@/lib/api/route";
import { exportHistoryCsv } from "@/lib/deploys/export-history-csv";
import { historyFilterQuerySchema } from "@/lib/deploys/schemas";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = route({ auth: "viewer", query: historyFilterQuerySchema }, async ({ query }) =>
  exportHistoryCsv(query),
);
