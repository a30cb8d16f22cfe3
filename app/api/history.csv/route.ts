import { route } from "@/lib/api/route";
import { exportHistoryCsv } from "@/lib/history/export-history-csv";
import { historyFilterQuerySchema } from "@/lib/history/schemas";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = route({ auth: "viewer", query: historyFilterQuerySchema }, async ({ query }) =>
  exportHistoryCsv(query),
);
