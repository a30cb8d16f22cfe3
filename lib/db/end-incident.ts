import "server-only";
import type { EndReason, Incident } from "@/lib/incidents/types";
import { cachedStatement } from "./cached-statement";
import type { Db } from "./db";
import { incidentColumns, incidentNotFound, toIncident } from "./incident-row";

export function endIncident(db: Db, id: number, endedAt: string, reason: EndReason): Incident {
  // A late or repeated "container recovered" event must not move the end time, nor change the reason, of an
  // incident already closed.
  const row = cachedStatement(
    db,
    `UPDATE incidents SET end_reason = CASE WHEN ended_at IS NULL THEN ? ELSE end_reason END,
       ended_at = COALESCE(ended_at, ?)
     WHERE id = ? RETURNING ${incidentColumns}`,
  ).get(reason, endedAt, id);
  if (row === undefined) throw incidentNotFound(id);
  return toIncident(row);
}
