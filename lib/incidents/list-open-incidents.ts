import "server-only";
import { getDatabase } from "@/lib/db/database";
import type { Incident } from "@/lib/fleet/incident-types";
import type { IncidentTables } from "./db/incident-table";
import { listIncidents } from "./db/list-incidents";

/** The open incidents a live client starts from (the event stream's snapshot), newest first. */
export async function listOpenIncidents(): Promise<Incident[]> {
  return listIncidents(await getDatabase<IncidentTables>(), { open: true, limit: 1000 });
}
