import "server-only";
import { sql, type Kysely } from "kysely";
import { literal } from "@/lib/db/planner-hints";
import { DEPLOY_LINK_MINUTES } from "@/lib/db/deploy-incident-link";
import type { HistoryEntry } from "@/lib/history/types";
import type { HistoryTables } from "./history-table";
import type { IncidentReads } from "./incident-reads";

/** A deploy that moved the container to another image, as findRollbackSource defines what a rollback reverts. */
export function isDeploy(entry: HistoryEntry): boolean {
  return (
    (entry.action === "redeploy" || entry.action === "rollback") &&
    entry.outcome === "succeeded" &&
    entry.imageIdBefore !== null &&
    entry.imageIdAfter !== null &&
    entry.imageIdBefore !== entry.imageIdAfter
  );
}

/**
 * A page of history with each deploy's incidents filled in: those of its container that opened in the 30
 * minutes after it and before its next deploy (which they then belong to), oldest first. One short indexed read
 * per deploy on the page, rather than a subquery in every history read: most rows are starts and stops, and the
 * page's own plan stays the one its indexes were chosen for. The link is computed, never stored
 * (lib/db/deploy-incident-link.ts says why).
 */
export async function linkDeployIncidents(
  history: Kysely<HistoryTables>,
  entries: HistoryEntry[],
): Promise<HistoryEntry[]> {
  const db = history.withTables<IncidentReads>();
  return Promise.all(
    entries.map(async (entry) => {
      if (!isDeploy(entry)) return entry;
      const until = new Date(Date.parse(entry.at) + DEPLOY_LINK_MINUTES * 60_000).toISOString();
      const rows = await db
        .selectFrom("incidents as i")
        .select("i.id")
        .where("i.target", "=", literal("container"))
        .where("i.host_id", "=", entry.hostId)
        .where("i.container_name", "=", entry.containerName)
        .where("i.opened_at", ">=", entry.at)
        .where("i.opened_at", "<=", until)
        .where(({ exists, not, selectFrom }) =>
          not(
            exists(
              selectFrom("deploy_history as n")
                .select(sql.lit(1).as("one"))
                .where("n.host_id", "=", entry.hostId)
                .where("n.container_name", "=", entry.containerName)
                .where("n.action", "in", [literal("redeploy"), literal("rollback")])
                .where("n.outcome", "=", literal("succeeded"))
                .where("n.image_id_before", "is not", null)
                .whereRef("n.image_id_before", "!=", "n.image_id_after")
                .where((n) => n(n.refTuple("n.at", "n.id"), ">", n.tuple(entry.at, entry.id)))
                .whereRef("n.at", "<=", "i.opened_at"),
            ),
          ),
        )
        .orderBy("i.opened_at")
        .orderBy("i.id")
        .execute();
      return { ...entry, incidentIds: rows.map((row) => row.id) };
    }),
  );
}
