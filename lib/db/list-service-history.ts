import "server-only";
import type { ServiceHistoryEntry } from "@/lib/swarm/types";
import { cachedStatement } from "./cached-statement";
import type { Db } from "./db";
import { serviceHistoryColumns, toServiceHistoryEntry } from "./service-history-row";

/** A service's history, newest first. */
export function listServiceHistory(
  db: Db,
  hostId: string,
  serviceName: string,
  limit = 50,
): ServiceHistoryEntry[] {
  return cachedStatement(
    db,
    `SELECT ${serviceHistoryColumns} FROM service_history
     WHERE host_id = ? AND service_name = ?
     ORDER BY at DESC, id DESC LIMIT ?`,
  )
    .all(hostId, serviceName, limit)
    .map(toServiceHistoryEntry);
}
