import { route } from "@/lib/api/route";
import { incidentEndpoints } from "@/lib/openapi/endpoints/incidents";
import { listDeployHistory } from "@/lib/history/list-deploy-history";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = route(incidentEndpoints.history, async ({ query, access }) =>
  listDeployHistory(query, access),
);
