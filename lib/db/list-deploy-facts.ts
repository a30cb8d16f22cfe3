import "server-only";
import type { DeployFact } from "@/lib/insights/types";
import { cachedStatement } from "./cached-statement";
import type { Db } from "./db";

export type FactsRange = { from: string; to: string; hostId?: string; project?: string };

type Row = Omit<DeployFact, "crashedAfter"> & { crashedAfter: number | null };

/**
 * Settled redeploys in [from, to), oldest first. A rollback is not counted as a deploy: it undoes one. The
 * partial index of redeploys (migration 11) bounds the walk, which only a query spelling out
 * `action = 'redeploy'` can use; host and project are checked on the rows it finds.
 */
export function listDeployFacts(db: Db, range: FactsRange): DeployFact[] {
  const rows = cachedStatement(
    db,
    `SELECT at, host_id AS hostId, container_name AS containerName, project, service, outcome,
       crashed_after AS crashedAfter, json_extract(provenance_after, '$.created') AS imageCreated
     FROM deploy_history
     WHERE action = 'redeploy' AND at >= ? AND at < ? AND +outcome IN ('succeeded', 'failed', 'rolled-back')
       AND (? IS NULL OR +host_id = ?) AND (? IS NULL OR +project = ?)
     ORDER BY at, id`,
  ).all(
    range.from,
    range.to,
    range.hostId ?? null,
    range.hostId ?? null,
    range.project ?? null,
    range.project ?? null,
  ) as Row[];
  return rows.map((row) => ({
    ...row,
    crashedAfter: row.crashedAfter === null ? null : row.crashedAfter === 1,
  }));
}

/** The containers a compose project's history names, for the incidents (which do not record a project). */
export function listProjectContainers(db: Db, project: string): { hostId: string; containerName: string }[] {
  return cachedStatement(
    db,
    `SELECT DISTINCT host_id AS hostId, container_name AS containerName FROM deploy_history WHERE +project = ?`,
  ).all(project) as { hostId: string; containerName: string }[];
}
