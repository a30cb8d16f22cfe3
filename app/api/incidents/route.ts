import { route } from "@/lib/api/route";
import { listIncidents } from "@/lib/incidents/list-incidents";
import { incidentsQuerySchema } from "@/lib/incidents/schemas";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = route({ auth: "viewer", query: incidentsQuerySchema }, async ({ query }) =>
  listIncidents(query),
);
