import "server-only";
import type { Kysely } from "kysely";
import type { Incident } from "@/lib/fleet/incident-types";
import { incidentNotFound, incidentSelection, toIncident } from "./incident-row";
import type { IncidentTables } from "./incident-table";

export async function getIncident(db: Kysely<IncidentTables>, id: number): Promise<Incident> {
  const row = await db
    .selectFrom("incidents")
    .select(incidentSelection(db))
    .where("id", "=", id)
    .executeTakeFirst();
  if (row === undefined) throw incidentNotFound(id);
  return toIncident(row);
}
