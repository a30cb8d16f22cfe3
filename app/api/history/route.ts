import { route } from "@/lib/api/route";
import { listDeployHistory } from "@/lib/history/list-deploy-history";
import { historyListQuerySchema } from "@/lib/history/schemas";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = route({ auth: "viewer", query: historyListQuerySchema }, async ({ query }) =>
  listDeployHistory(query),
);
