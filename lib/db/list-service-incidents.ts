import "server-only";
import type { Incident } from "@/lib/incidents/types";
import { cachedStatement } from "./cached-statement";
import type { Db } from "./db";
import { incidentColumns, toIncident } from "./incident-row";

/** Service incidents, newest first: the open ones of some hosts, or every one of one service. */
export function listServiceIncidents(
  db: Db,
  filter: { hostIds: string[]; serviceName?: string; openOnly: boolean },
  limit = 100,
): Incident[] {
  if (filter.hostIds.length === 0) return [];
  const hosts = filter.hostIds.map(() => "?").join(", ");
  return cachedStatement(
    db,
    `SELECT ${incidentColumns} FROM incidents
     WHERE target = 'service' AND host_id IN (${hosts})
       ${filter.serviceName !== undefined ? "AND container_name = ?" : ""}
       ${filter.openOnly ? "AND ended_at IS NULL" : ""}
     ORDER BY opened_at DESC, id DESC LIMIT ?`,
  )
    .all(...filter.hostIds, ...(filter.serviceName !== undefined ? [filter.serviceName] : []), limit)
    .map(toIncident);
}
