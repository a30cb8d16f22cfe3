import "server-only";
import { findHost } from "@/lib/docker/load-fleet";
import { getDb } from "@/lib/db/db";
import { listIncidents as selectIncidents } from "@/lib/db/list-incidents";
import type { IncidentsQuery } from "./schemas";
import type { IncidentsResponse } from "./types";

export function listIncidents(query: IncidentsQuery): IncidentsResponse {
  if (query.host) findHost(query.host);
  return {
    incidents: selectIncidents(getDb(), {
      open: query.open === undefined ? undefined : query.open === "1",
      target: query.target,
      hostId: query.host,
      containerName: query.container,
      limit: query.limit,
    }),
  };
}
