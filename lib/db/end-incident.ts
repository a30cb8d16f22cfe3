import "server-only";
import type { Incident } from "@/lib/incidents/types";
import { cachedStatement } from "./cached-statement";
import type { Db } from "./db";
import { incidentColumns, incidentNotFound, toIncident } from "./incident-row";

export function endIncident(db: Db, id: number, endedAt: string): Incident {
  // A late or repeated "container recovered" event must not move the end time of an incident already closed.
  const row = cachedStatement(
    db,
    `UPDATE incidents SET ended_at = COALESCE(ended_at, ?) WHERE id = ? RETURNING ${incidentColumns}`,
  ).get(endedAt, id);
  if (row === undefined) throw incidentNotFound(id);
  return toIncident(row);
}
