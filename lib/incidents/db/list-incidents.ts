import "server-only";
import type { Kysely } from "kysely";
import type { Incident } from "@/lib/fleet/incident-types";
import type { IncidentFilter } from "../types";
import { incidentSelection, toIncident } from "./incident-row";
import type { IncidentTables } from "./incident-table";

export const DEFAULT_INCIDENT_LIMIT = 200;
export const MAX_INCIDENT_LIMIT = 1000;

/** Newest first; `open` true keeps only open incidents, false only ended ones, absent keeps both. */
export async function listIncidents(
  db: Kysely<IncidentTables>,
  filter: IncidentFilter = {},
): Promise<Incident[]> {
  const { open, target, hostId, containerName } = filter;
  const rows = await db
    .selectFrom("incidents")
    .select(incidentSelection(db))
    .$if(open === true, (q) => q.where("ended_at", "is", null))
    .$if(open === false, (q) => q.where("ended_at", "is not", null))
    .$if(target !== undefined, (q) => q.where("target", "=", target!))
    .$if(hostId !== undefined, (q) => q.where("host_id", "=", hostId!))
    .$if(containerName !== undefined, (q) => q.where("container_name", "=", containerName!))
    .orderBy("opened_at", "desc")
    .orderBy("id", "desc")
    .limit(clampLimit(filter.limit))
    .execute();
  return rows.map(toIncident);
}

function clampLimit(limit: number | undefined): number {
  if (limit === undefined || !Number.isFinite(limit)) return DEFAULT_INCIDENT_LIMIT;
  return Math.min(Math.max(Math.trunc(limit), 1), MAX_INCIDENT_LIMIT);
}
