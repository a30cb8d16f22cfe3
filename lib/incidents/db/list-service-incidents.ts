import "server-only";
import type { Kysely } from "kysely";
import type { Incident } from "@/lib/fleet/incident-types";
import { incidentSelection, toIncident } from "./incident-row";
import type { IncidentTables } from "./incident-table";

/** Service incidents, newest first: the open ones of some hosts, or every one of one service. */
export async function listServiceIncidents(
  db: Kysely<IncidentTables>,
  filter: { hostIds: string[]; serviceName?: string; openOnly: boolean },
  limit = 100,
): Promise<Incident[]> {
  if (filter.hostIds.length === 0) return [];
  const { serviceName } = filter;
  const rows = await db
    .selectFrom("incidents")
    .select(incidentSelection(db))
    .where("target", "=", "service")
    .where("host_id", "in", filter.hostIds)
    .$if(serviceName !== undefined, (q) => q.where("container_name", "=", serviceName!))
    .$if(filter.openOnly, (q) => q.where("ended_at", "is", null))
    .orderBy("opened_at", "desc")
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
  return rows.map(toIncident);
}
