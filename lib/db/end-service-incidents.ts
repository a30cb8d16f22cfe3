import "server-only";
import type { EndReason, Incident } from "@/lib/incidents/types";
import { cachedStatement } from "./cached-statement";
import type { Db } from "./db";
import { incidentColumns, toIncident } from "./incident-row";

/** Ends the service's open incidents of this kind (whole again, or removed); returns the ones it ended. */
export function endServiceIncidents(
  db: Db,
  hostId: string,
  serviceName: string,
  kind: Incident["kind"],
  at: string,
  reason: EndReason,
): Incident[] {
  return cachedStatement(
    db,
    `UPDATE incidents SET ended_at = ?, end_reason = ?
     WHERE target = 'service' AND host_id = ? AND container_name = ? AND kind = ? AND ended_at IS NULL
     RETURNING ${incidentColumns}`,
  )
    .all(at, reason, hostId, serviceName, kind)
    .map(toIncident);
}
