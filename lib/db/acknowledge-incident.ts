import "server-only";
import type { Incident } from "@/lib/incidents/types";
import { cachedStatement } from "./cached-statement";
import type { Db } from "./db";
import { incidentColumns, incidentNotFound, toIncident } from "./incident-row";

export function acknowledgeIncident(db: Db, id: number, by: string, at: string): Incident {
  // The first acknowledgement stands: a double click or a second user must not rewrite who took it and when.
  const row = cachedStatement(
    db,
    `UPDATE incidents
     SET acknowledged_by = COALESCE(acknowledged_by, ?), acknowledged_at = COALESCE(acknowledged_at, ?)
     WHERE id = ?
     RETURNING ${incidentColumns}`,
  ).get(by, at, id);
  if (row === undefined) throw incidentNotFound(id);
  return toIncident(row);
}
