import "server-only";
import { WharfError } from "@/lib/core/errors";
import { getDatabase } from "@/lib/db/database";
import { FULL_VIEW, findVisibleHost, incidentTarget, type Visibility } from "@/lib/fleet/fleet-targets";
import { getLiveFleet } from "@/lib/fleet/live/get-live-fleet";
import { computeInsights } from "./compute-insights";
import type { InsightsReads } from "./db/insights-reads";
import { listDeployFacts } from "./db/list-deploy-facts";
import { listProjectContainers } from "./db/list-project-containers";
import { listRestoreFacts } from "./db/list-restore-facts";
import type { InsightsQuery } from "./schemas";
import { DEFAULT_INSIGHTS_DAYS, MAX_INSIGHTS_DAYS, type InsightsResponse } from "./types";

const DAY_MS = 86_400_000;

/** The delivery figures for a period and the one before it, read from the history and the incidents. */
export async function readInsights(
  query: InsightsQuery,
  view: Visibility = FULL_VIEW,
  now = Date.now(),
): Promise<InsightsResponse> {
  if (query.host !== undefined) findVisibleHost(query.host, view);
  const to = query.to ?? new Date(now).toISOString();
  const from = query.from ?? new Date(Date.parse(to) - DEFAULT_INSIGHTS_DAYS * DAY_MS).toISOString();
  if (from >= to)
    throw new WharfError("VALIDATION", "Invalid query parameters — from: must be earlier than to");
  if (Date.parse(to) - Date.parse(from) > MAX_INSIGHTS_DAYS * DAY_MS)
    throw new WharfError(
      "VALIDATION",
      `Invalid query parameters — from: the period may span ${MAX_INSIGHTS_DAYS} days at most`,
    );
  const previousFrom = new Date(2 * Date.parse(from) - Date.parse(to)).toISOString();
  const range = { from: previousFrom, to, hostId: query.host, project: query.project };
  const db = await getDatabase<InsightsReads>();
  const [deploys, restores, projectContainers] = await Promise.all([
    listDeployFacts(db, range),
    listRestoreFacts(db, range),
    query.project === undefined ? null : listProjectContainers(db, query.project),
  ]);
  const incidents =
    query.project === undefined || projectContainers === null
      ? restores
      : restores.filter(inProject(query.project, projectContainers));
  if (view.all) return computeInsights({ from, to, deploys, incidents });
  // A scoped caller's figures are of what it sees: the rule is applied to each fact read.
  const seenDeploys = deploys.filter((fact) =>
    view.sees({
      hostId: fact.hostId,
      name: fact.containerName,
      project: fact.project,
      service: fact.service,
    }),
  );
  const seenIncidents = incidents.filter((fact) =>
    view.sees(
      incidentTarget({ target: "container", hostId: fact.hostId, containerName: fact.containerName }),
    ),
  );
  return computeInsights({ from, to, deploys: seenDeploys, incidents: seenIncidents });
}

/**
 * Incidents do not record a compose project: a container is in the project when its deploy history says so, or
 * when it carries the project's label now.
 */
function inProject(project: string, inHistory: { hostId: string; containerName: string }[]) {
  const names = new Set(inHistory.map((c) => `${c.hostId}/${c.containerName}`));
  const { store } = getLiveFleet();
  for (const hostId of store.hostIds())
    for (const row of store.rows(hostId))
      if (row.compose?.project === project) names.add(`${hostId}/${row.name}`);
  return (incident: { hostId: string; containerName: string }) =>
    names.has(`${incident.hostId}/${incident.containerName}`);
}
