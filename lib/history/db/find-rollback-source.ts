import "server-only";
import type { Kysely } from "kysely";
import { literal } from "@/lib/db/planner-hints";
import type { HistoryEntry } from "@/lib/history/types";
import { historyColumns, toHistoryEntry, type HistoryTables } from "./history-table";

/** The deploy a rollback returns from, or why there is none (a sentence that ends "… for NAME on HOST"). */
export type RollbackSource = { entry: HistoryEntry; reason: null } | { entry: null; reason: string };

// A container's lineage rarely passes more than a few re-creations without an image change (forced redeploys):
// a bound keeps a page load from walking a years-long history.
const LINEAGE_ROWS = 200;

/**
 * The last redeploy or rollback through Wharf that moved this very container (its id, not merely its name) to
 * the image it runs, following forced redeploys (same image, new container) back through the containers they
 * replaced. A container re-created outside Wharf is another lineage: what ran under its name before is not its
 * own previous image, and a rollback would run that image with the newcomer's configuration.
 */
export async function findRollbackSource(
  db: Kysely<HistoryTables>,
  hostId: string,
  containerName: string,
  containerId: string,
): Promise<RollbackSource> {
  const rows = await db
    .selectFrom("deploy_history")
    .select(historyColumns)
    .where("host_id", "=", hostId)
    .where("container_name", "=", containerName)
    .where("action", "in", [literal("redeploy"), literal("rollback")])
    .where("outcome", "=", literal("succeeded"))
    .where("container_id_after", "is not", null)
    .orderBy("at", "desc")
    .orderBy("id", "desc")
    .limit(LINEAGE_ROWS)
    .execute();
  return walkLineage(rows.map(toHistoryEntry), containerId);
}

/** Pure: `rows` newest first. */
export function walkLineage(rows: HistoryEntry[], containerId: string): RollbackSource {
  let current = containerId;
  for (const row of rows) {
    if (row.containerIdAfter !== current) continue;
    if (row.source === "external") {
      return {
        entry: null,
        reason: `it was re-created outside Wharf (${row.at}), and what ran under its name before is not its own previous image`,
      };
    }
    if (row.imageIdBefore && row.imageIdBefore !== row.imageIdAfter) return { entry: row, reason: null };
    // Same image (a forced redeploy, a no-change): the lineage goes on through the container it replaced.
    if (!row.containerIdBefore) break;
    current = row.containerIdBefore;
  }
  return { entry: null, reason: "no redeploy of this container through Wharf is recorded" };
}
