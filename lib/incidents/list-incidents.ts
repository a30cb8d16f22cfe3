import "server-only";
import { findHost } from "@/lib/docker/load-fleet";
import { getDatabase } from "@/lib/db/database";
import type { IncidentTables } from "./db/incident-table";
import { listIncidents as selectIncidents } from "./db/list-incidents";
import type { IncidentsQuery } from "./schemas";
import type { IncidentsResponse } from "./types";

export async function listIncidents(query: IncidentsQuery): Promise<IncidentsResponse> {
  if (query.host) findHost(query.host);
  return {
    incidents: await selectIncidents(await getDatabase<IncidentTables>(), {
      open: query.open === undefined ? undefined : query.open === "1",
      target: query.target,
      hostId: query.host,
      containerName: query.container,
      limit: query.limit,
    }),
  };
}
