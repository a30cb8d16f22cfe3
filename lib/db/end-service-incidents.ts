import "server-only";
import type { ServiceIncident } from "@/lib/swarm/types";
import { cachedStatement } from "./cached-statement";
import type { Db } from "./db";
import { serviceIncidentColumns, toServiceIncident } from "./service-incident-row";

/** Ends the service's open incidents of this kind (it is whole again); returns the ones it ended. */
export function endServiceIncidents(
  db: Db,
  hostId: string,
  serviceName: string,
  kind: ServiceIncident["kind"],
  at: string,
): ServiceIncident[] {
  return cachedStatement(
    db,
    `UPDATE service_incidents SET ended_at = ? WHERE host_id = ? AND service_name = ? AND kind = ? AND ended_at IS NULL
     RETURNING ${serviceIncidentColumns}`,
  )
    .all(at, hostId, serviceName, kind)
    .map(toServiceIncident);
}
