import "server-only";
import { cachedStatement } from "./cached-statement";
import type { Db } from "./db";

export type OpenIncidentCount = { hostId: string; kind: string; count: number };

/** Open incidents per host and kind: few rows, whatever the history holds (the partial index on open incidents serves it). */
export function countOpenIncidents(db: Db): OpenIncidentCount[] {
  return cachedStatement(
    db,
    `SELECT host_id AS hostId, kind, count(*) AS count FROM incidents WHERE ended_at IS NULL
     GROUP BY host_id, kind ORDER BY host_id, kind`,
  ).all() as OpenIncidentCount[];
}
