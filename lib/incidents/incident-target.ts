import "server-only";
import type { FoundTarget } from "@/lib/api/endpoint";
import { getDatabase } from "@/lib/db/database";
import { incidentTarget } from "@/lib/fleet/fleet-targets";
import { WharfError } from "@/lib/core/errors";
import type { IncidentTables } from "./db/incident-table";
import { getIncident } from "./db/get-incident";
import { incidentNotFound } from "./db/incident-row";

/** The container or service an incident is about, for a route's reach; missing as the route words it. */
export async function incidentTargetById(id: number): Promise<FoundTarget> {
  try {
    const incident = await getIncident(await getDatabase<IncidentTables>(), id);
    return { target: incidentTarget(incident), unseen: incidentNotFound(id) };
  } catch (error) {
    if (error instanceof WharfError && error.code === "NOT_FOUND") return { missing: error };
    throw error;
  }
}
