import "server-only";
import type { RestoreFact } from "@/lib/insights/types";
import { cachedStatement } from "./cached-statement";
import type { Db } from "./db";
import type { FactsRange } from "./list-deploy-facts";

/** Incidents opened in [from, to) (on one host if given), for time to restore (which counts recoveries only). */
export function listRestoreFacts(db: Db, range: Omit<FactsRange, "project">): RestoreFact[] {
  return cachedStatement(
    db,
    `SELECT opened_at AS openedAt, ended_at AS endedAt, host_id AS hostId, container_name AS containerName,
       end_reason AS endReason
     FROM incidents WHERE opened_at >= ? AND opened_at < ? AND (? IS NULL OR +host_id = ?)
     ORDER BY opened_at, id`,
  ).all(range.from, range.to, range.hostId ?? null, range.hostId ?? null) as RestoreFact[];
}
