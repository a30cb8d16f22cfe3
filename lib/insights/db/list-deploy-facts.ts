import "server-only";
import { sql, type Kysely } from "kysely";
import { demoted, literal } from "@/lib/db/planner-hints";
import { dialectOf } from "@/lib/db/dialect";
import type { DeployFact } from "../types";
import type { FactsRange, InsightsReads } from "./insights-reads";

/**
 * Settled redeploys in [from, to), oldest first. A rollback is not counted as a deploy: it undoes one. The
 * partial index of redeploys (migration 11) bounds the walk, which only a query spelling out
 * `action = 'redeploy'` can use; host and project are checked on the rows it finds.
 */
export async function listDeployFacts(db: Kysely<InsightsReads>, range: FactsRange): Promise<DeployFact[]> {
  const created =
    dialectOf(db) === "postgres"
      ? sql<string | null>`(provenance_after::jsonb ->> 'created')`
      : sql<string | null>`json_extract(provenance_after, '$.created')`;
  let query = db
    .selectFrom("deploy_history")
    .select([
      "at",
      "host_id",
      "container_name",
      "project",
      "service",
      "outcome",
      "crashed_after",
      created.as("image_created"),
    ])
    .where("action", "=", literal("redeploy"))
    .where("at", ">=", range.from)
    .where("at", "<", range.to)
    .where((eb) =>
      eb(demoted(db, "outcome"), "in", [literal("succeeded"), literal("failed"), literal("rolled-back")]),
    );
  if (range.hostId !== undefined) query = query.where((eb) => eb(demoted(db, "host_id"), "=", range.hostId));
  if (range.project !== undefined)
    query = query.where((eb) => eb(demoted(db, "project"), "=", range.project));
  const rows = await query.orderBy("at").orderBy("id").execute();
  return rows.map((row) => ({
    at: row.at,
    hostId: row.host_id,
    containerName: row.container_name,
    project: row.project,
    service: row.service,
    outcome: row.outcome as DeployFact["outcome"],
    crashedAfter: row.crashed_after === null ? null : row.crashed_after === 1,
    imageCreated: row.image_created,
  }));
}
