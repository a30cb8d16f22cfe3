import "server-only";
import { getDatabase } from "@/lib/db/database";
import { FULL_VIEW, findVisibleHost, incidentTarget, type Visibility } from "@/lib/fleet/fleet-targets";
import type { IncidentTables } from "./db/incident-table";
import {
  DEFAULT_INCIDENT_LIMIT,
  MAX_INCIDENT_LIMIT,
  listIncidents as selectIncidents,
} from "./db/list-incidents";
import type { IncidentsQuery } from "./schemas";
import type { IncidentsResponse } from "./types";

/**
 * A scoped caller's incidents are those of what it sees now. Incidents carry no project, so the rule is applied
 * to the rows read (the project as the live state knows it): up to the largest page is read and then cut.
 */
export async function listIncidents(
  query: IncidentsQuery,
  view: Visibility = FULL_VIEW,
): Promise<IncidentsResponse> {
  if (query.host) findVisibleHost(query.host, view);
  const incidents = await selectIncidents(await getDatabase<IncidentTables>(), {
    open: query.open === undefined ? undefined : query.open === "1",
    target: query.target,
    hostId: query.host,
    containerName: query.container,
    limit: view.all ? query.limit : MAX_INCIDENT_LIMIT,
  });
  if (view.all) return { incidents };
  const seen = incidents.filter((incident) => view.sees(incidentTarget(incident)));
  return { incidents: seen.slice(0, query.limit ?? DEFAULT_INCIDENT_LIMIT) };
}
