import "server-only";
import type { Kysely } from "kysely";
import { demoted } from "@/lib/db/planner-hints";
import type { RestoreFact } from "../types";
import type { FactsRange, InsightsReads } from "./insights-reads";

/** Incidents opened in [from, to) (on one host if given), for time to restore (which counts recoveries only). */
export async function listRestoreFacts(
  db: Kysely<InsightsReads>,
  range: Omit<FactsRange, "project">,
): Promise<RestoreFact[]> {
  let query = db
    .selectFrom("incidents")
    .select([
      "opened_at as openedAt",
      "ended_at as endedAt",
      "host_id as hostId",
      "container_name as containerName",
      "end_reason as endReason",
    ])
    .where("opened_at", ">=", range.from)
    .where("opened_at", "<", range.to);
  if (range.hostId !== undefined) query = query.where((eb) => eb(demoted(db, "host_id"), "=", range.hostId));
  return query.orderBy("opened_at").orderBy("id").execute();
}
