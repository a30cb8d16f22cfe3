import "server-only";
import type { Kysely } from "kysely";
import type { EndReason, Incident } from "@/lib/fleet/incident-types";
import { incidentSelection, toIncident } from "./incident-row";
import type { IncidentTables } from "./incident-table";

/** Ends the service's open incidents of this kind (whole again, or removed); returns the ones it ended. */
export async function endServiceIncidents(
  db: Kysely<IncidentTables>,
  hostId: string,
  serviceName: string,
  kind: Incident["kind"],
  at: string,
  reason: EndReason,
): Promise<Incident[]> {
  const rows = await db
    .updateTable("incidents")
    .set({ ended_at: at, end_reason: reason })
    .where("target", "=", "service")
    .where("host_id", "=", hostId)
    .where("container_name", "=", serviceName)
    .where("kind", "=", kind)
    .where("ended_at", "is", null)
    .returning(incidentSelection(db))
    .execute();
  return rows.map(toIncident);
}
