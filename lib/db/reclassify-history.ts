import "server-only";
import type { HistoryAction } from "@/lib/actions/types";
import { cachedStatement } from "./cached-statement";
import type { Db } from "./db";

/**
 * Renames a change made outside Wharf once its last events arrive: a `docker stop` first shows as the kill of
 * its stop signal, and only its `stop` event, up to the stop timeout later, says it was a stop.
 */
export function reclassifyHistory(
  db: Db,
  id: number,
  change: { action: HistoryAction; detail: string | null },
): void {
  cachedStatement(
    db,
    `UPDATE deploy_history SET action = ?, detail = ? WHERE id = ? AND source = 'external'`,
  ).run(change.action, change.detail, id);
}
