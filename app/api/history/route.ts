import { route } from "@/lib/api/route";
import { listDeployHistory } from "@/lib/deploys/list-deploy-history";
import { historyListQuerySchema } from "@/lib/deploys/schemas";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = route({ auth: "viewer", query: historyListQuerySchema }, async ({ query }) =>
  listDeployHistory(query),
);
