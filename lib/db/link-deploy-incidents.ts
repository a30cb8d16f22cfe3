import "server-only";
import type { HistoryEntry } from "@/lib/actions/types";
import { cachedStatement } from "./cached-statement";
import type { Db } from "./db";
import { historyIncidentsColumn } from "./deploy-incident-link";

/**
 * A page of history with each deploy's incidents filled in. One short indexed read per deploy on the page,
 * rather than a subquery in every history read: most rows are starts and stops, and the page's own plan stays
 * the one its indexes were chosen for.
 */
export function linkDeployIncidents(db: Db, entries: HistoryEntry[]): HistoryEntry[] {
  const incidentsOf = cachedStatement(
    db,
    `SELECT ${historyIncidentsColumn} FROM deploy_history WHERE id = ?`,
  );
  return entries.map((entry) => {
    if (entry.outcome !== "succeeded" || (entry.action !== "redeploy" && entry.action !== "rollback"))
      return entry;
    const row = incidentsOf.get(entry.id) as { incident_ids: string } | undefined;
    return row ? { ...entry, incidentIds: JSON.parse(row.incident_ids) as number[] } : entry;
  });
}
