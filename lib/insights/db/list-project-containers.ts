import "server-only";
import type { Kysely } from "kysely";
import { demoted } from "@/lib/db/planner-hints";
import type { InsightsReads } from "./insights-reads";

/** The containers a compose project's history names, for the incidents (which do not record a project). */
export async function listProjectContainers(
  db: Kysely<InsightsReads>,
  project: string,
): Promise<{ hostId: string; containerName: string }[]> {
  return db
    .selectFrom("deploy_history")
    .select(["host_id as hostId", "container_name as containerName"])
    .distinct()
    .where((eb) => eb(demoted(db, "project"), "=", project))
    .execute();
}
