import "server-only";
import type { Incident } from "@/lib/incidents/types";
import { cachedStatement } from "./cached-statement";
import type { Db } from "./db";
import { incidentColumns, incidentNotFound, toIncident } from "./incident-row";

export function getIncident(db: Db, id: number): Incident {
  const row = cachedStatement(db, `SELECT ${incidentColumns} FROM incidents WHERE id = ?`).get(id);
  if (row === undefined) throw incidentNotFound(id);
  return toIncident(row);
}
