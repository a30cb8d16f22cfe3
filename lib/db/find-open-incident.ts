import "server-only";
import type { Incident } from "@/lib/incidents/types";
import { cachedStatement } from "./cached-statement";
import type { Db } from "./db";
import { incidentColumns, toIncident } from "./incident-row";

/** The newest incident still open for this container, if any: the one a new crash should add to. */
export function findOpenIncident(db: Db, hostId: string, containerName: string): Incident | null {
  const row = cachedStatement(
    db,
    `SELECT ${incidentColumns} FROM incidents
     WHERE host_id = ? AND container_name = ? AND ended_at IS NULL AND target = 'container'
     ORDER BY opened_at DESC, id DESC
     LIMIT 1`,
  ).get(hostId, containerName);
  return row === undefined ? null : toIncident(row);
}
